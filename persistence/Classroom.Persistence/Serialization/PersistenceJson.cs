using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace Classroom.Persistence.Serialization;

/// <summary>The JSON contexts whose types may be stored: grain state and events.</summary>
public sealed class PersistenceJsonOptions
{
    /// <summary>Source-generated contexts; a type none of them knows fails with a message naming it.</summary>
    public List<JsonSerializerContext> Contexts { get; } = [];
}

/// <summary>
/// How grain state and events are stored: System.Text.Json over source-generated contexts, never reflection. Stored
/// JSON is the product's own format (readable, stable names, events written by older builds still load), which is
/// why storage does not use Orleans' binary serializer: that one is for the wire.
/// </summary>
public sealed class PersistenceJson
{
    /// <summary>Combines the configured contexts.</summary>
    public PersistenceJson(IOptions<PersistenceJsonOptions> options)
    {
        Options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine([.. options.Value.Contexts]) };
        Options.MakeReadOnly();
    }

    /// <summary>The options carrying every registered type's metadata.</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>Serializes a value to UTF-8 JSON.</summary>
    public byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>());

    /// <summary>Deserializes UTF-8 JSON written by <see cref="Serialize{T}"/>.</summary>
    public T Deserialize<T>(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize(json, TypeInfo<T>())!;

    private JsonTypeInfo<T> TypeInfo<T>() =>
        Options.TryGetTypeInfo(typeof(T), out var info)
            ? (JsonTypeInfo<T>)info
            : throw new InvalidOperationException(
                $"{typeof(T)} cannot be stored: no JSON context registered with AddPersistenceJson knows it. Add it to the grains' context.");
}
