using Classroom.Runtime.Catalog;
using Classroom.Runtime.Serialization;

namespace Classroom.Runtime.Storage;

/// <summary>One named state of one activation, serialized through the grain serializer into an <see cref="IGrainStorage"/>.</summary>
internal sealed class PersistentState<TState>(GrainId grainId, string stateName, IGrainStorage storage, GrainSerializer serializer)
    : IPersistentState<TState>, IActivationState
{
    public TState State { get; set; } = DefaultState<TState>.Create();

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var stored = await storage.ReadAsync(grainId, stateName, cancellationToken);
        State = stored?.Payload is { } payload ? serializer.Deserialize<TState>(payload) : DefaultState<TState>.Create();
        Etag = stored?.Etag;
        RecordExists = stored?.HasPayload ?? false;
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var payload = serializer.Serialize(State);
        Etag = await storage.WriteAsync(grainId, stateName, payload, Etag, cancellationToken);
        RecordExists = true;
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        Etag = await storage.ClearAsync(grainId, stateName, Etag, cancellationToken);
        State = DefaultState<TState>.Create();
        RecordExists = false;
    }
}

/// <summary>The value of a state nothing was stored for: a new instance when the type has a parameterless constructor.</summary>
internal static class DefaultState<TState>
{
    private static readonly bool s_constructible = typeof(TState).IsValueType || typeof(TState).GetConstructor(Type.EmptyTypes) is not null;

    public static TState Create() => s_constructible ? Activator.CreateInstance<TState>() : default!;
}
