using Classroom.Runtime.Catalog;
using Classroom.Runtime.Serialization;

namespace Classroom.Runtime.Storage;

/// <summary>One named state of one activation, serialized through the grain serializer into an <see cref="IGrainStorage"/>.</summary>
internal sealed class PersistentState<TState>(GrainId grainId, string stateName, IGrainStorage storage, GrainSerializer serializer)
    : IPersistentState<TState>, IActivationState
{
    public TState State { get; set; } = DefaultState<TState>.Create();

    public string? Etag { get; private set; }

    public bool RecordExists => Etag is not null;

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var stored = await storage.ReadAsync(grainId, stateName, cancellationToken);
        if (stored is null)
        {
            State = DefaultState<TState>.Create();
            Etag = null;
            return;
        }

        State = serializer.Deserialize<TState>(stored.Payload);
        Etag = stored.Etag;
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var payload = serializer.Serialize(State);
        Etag = await storage.WriteAsync(grainId, stateName, payload, Etag, cancellationToken);
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        await storage.ClearAsync(grainId, stateName, Etag, cancellationToken);
        State = DefaultState<TState>.Create();
        Etag = null;
    }
}

/// <summary>The value of a state nothing was stored for: a new instance when the type has a parameterless constructor.</summary>
internal static class DefaultState<TState>
{
    private static readonly bool s_constructible = typeof(TState).IsValueType || typeof(TState).GetConstructor(Type.EmptyTypes) is not null;

    public static TState Create() => s_constructible ? Activator.CreateInstance<TState>() : default!;
}
