using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Classroom.Runtime.Invocation;

namespace Classroom.Runtime.Serialization;

/// <summary>
/// The serialization boundary of grain calls, grain state and stream items: System.Text.Json over the source-generated
/// contexts registered with <see cref="Hosting.GrainRuntimeBuilder.AddSerializerContext"/>. No reflection-based fallback:
/// a type nobody registered fails with a message naming it.
/// </summary>
public sealed class GrainSerializer
{
    /// <summary>Combines <paramref name="contexts"/> with the runtime's own.</summary>
    public GrainSerializer(IEnumerable<JsonSerializerContext> contexts)
    {
        var resolvers = contexts.Cast<IJsonTypeInfoResolver>().Append(RuntimeJsonContext.Default).ToArray();
        Options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine(resolvers) };
        Options.MakeReadOnly();
    }

    /// <summary>The options carrying every registered type's metadata.</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>Serializes a value to UTF-8 JSON.</summary>
    public byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, GrainArguments.TypeInfo<T>(Options));

    /// <summary>Deserializes UTF-8 JSON written by <see cref="Serialize{T}"/>.</summary>
    public T Deserialize<T>(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize(json, GrainArguments.TypeInfo<T>(Options))!;

    /// <summary>A copy of <paramref name="value"/> made through serialization.</summary>
    public T RoundTrip<T>(T value) => Deserialize<T>(Serialize(value));

    /// <summary>True when <paramref name="type"/> has metadata in a registered context.</summary>
    public bool CanSerialize(Type type) => Options.TryGetTypeInfo(type, out _);
}
