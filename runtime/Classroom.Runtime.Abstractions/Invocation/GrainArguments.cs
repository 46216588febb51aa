using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Classroom.Runtime.Invocation;

/// <summary>Reads and writes grain call arguments through System.Text.Json source-generated metadata; used by generated code.</summary>
public static class GrainArguments
{
    /// <summary>Writes one value.</summary>
    public static void Write<T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, TypeInfo<T>(options));

    /// <summary>Advances to the next value and reads it.</summary>
    public static T Read<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (!reader.Read())
        {
            throw new JsonException($"Expected a value of type {typeof(T).Name}, found the end of the payload.");
        }

        return JsonSerializer.Deserialize(ref reader, TypeInfo<T>(options))!;
    }

    /// <summary>Advances to the array that holds the arguments.</summary>
    public static void ReadStartArray(ref Utf8JsonReader reader) => Expect(ref reader, JsonTokenType.StartArray);

    /// <summary>Advances past the end of the arguments array.</summary>
    public static void ReadEndArray(ref Utf8JsonReader reader) => Expect(ref reader, JsonTokenType.EndArray);

    /// <summary>Advances one token and checks its type.</summary>
    public static void Expect(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (!reader.Read() || reader.TokenType != expected)
        {
            throw new JsonException($"Expected {expected} in a grain message, found {reader.TokenType}.");
        }
    }

    /// <summary>The source-generated metadata for <typeparamref name="T"/>, or a clear error naming what is missing.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options)
    {
        try
        {
            return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        }
        catch (NotSupportedException e)
        {
            throw new NotSupportedException(
                $"{typeof(T)} cannot cross the grain serialization boundary: add [JsonSerializable(typeof({typeof(T).Name}))] " +
                "to a JsonSerializerContext registered with the runtime (AddSerializerContext).", e);
        }
    }

    internal static byte[] WriteToBytes<TState>(TState state, JsonSerializerOptions options, Action<TState, Utf8JsonWriter, JsonSerializerOptions> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(state, writer, options);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
