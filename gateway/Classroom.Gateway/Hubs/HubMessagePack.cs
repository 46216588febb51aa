using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Classroom.Contracts.Serialization;
using Classroom.Gateway.Serialization;
using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;

namespace Classroom.Gateway.Hubs;

/// <summary>
/// The hub's MessagePack protocol carries the same documents as its JSON protocol, in binary: every protocol and
/// gateway type is written as the map its JSON would be (the same camelCase names, the same <c>type</c> field naming an
/// event's data), so a client reads one shape whichever protocol it picked. Types without JSON metadata (strings,
/// numbers, arrays of them) use MessagePack's standard formatters.
/// </summary>
/// <remarks>
/// Transcoding through the source-generated JSON metadata keeps one definition of the wire shape instead of a second
/// set of MessagePack attributes that could drift from it; events in particular are polymorphic by their <c>type</c>
/// name, which MessagePack's contractless resolver cannot express.
/// </remarks>
internal static class HubMessagePack
{
    private static readonly JsonSerializerOptions Json = CreateJsonOptions();

    public static MessagePackSerializerOptions Options { get; } = MessagePackSerializerOptions.Standard
        .WithResolver(CompositeResolver.Create(JsonDocumentResolver.Instance, ContractlessStandardResolver.Instance))
        .WithSecurity(MessagePackSecurity.UntrustedData);

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(GatewayJsonContext.Default, ContractsJsonContext.Default),
        };
        options.MakeReadOnly();
        return options;
    }

    private static bool HasJsonDocument(Type type) =>
        type.Namespace?.StartsWith("Classroom.", StringComparison.Ordinal) == true && Json.TryGetTypeInfo(type, out _);

    private sealed class JsonDocumentResolver : IFormatterResolver
    {
        public static readonly JsonDocumentResolver Instance = new();

        public IMessagePackFormatter<T>? GetFormatter<T>() => Cache<T>.Formatter;

        private static class Cache<T>
        {
            public static readonly IMessagePackFormatter<T>? Formatter = HasJsonDocument(typeof(T)) ? new JsonDocumentFormatter<T>() : null;
        }
    }

    private sealed class JsonDocumentFormatter<T> : IMessagePackFormatter<T>
    {
        private readonly JsonTypeInfo<T> _info = (JsonTypeInfo<T>)Json.GetTypeInfo(typeof(T));

        public void Serialize(ref MessagePackWriter writer, T value, MessagePackSerializerOptions options)
        {
            using var document = JsonSerializer.SerializeToDocument(value, _info);
            Write(ref writer, document.RootElement);
        }

        public T Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
        {
            options.Security.DepthStep(ref reader);
            var buffer = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(buffer))
            {
                Read(ref reader, json, options);
            }

            reader.Depth--;
            return JsonSerializer.Deserialize(buffer.WrittenSpan, _info)!;
        }
    }

    private static void Write(ref MessagePackWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteMapHeader(element.EnumerateObject().Count());
                foreach (var property in element.EnumerateObject())
                {
                    writer.Write(property.Name);
                    Write(ref writer, property.Value);
                }

                break;
            case JsonValueKind.Array:
                writer.WriteArrayHeader(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    Write(ref writer, item);
                }

                break;
            case JsonValueKind.String:
                writer.Write(element.GetString());
                break;
            case JsonValueKind.Number when element.TryGetInt64(out var integer):
                writer.Write(integer);
                break;
            case JsonValueKind.Number:
                writer.Write(element.GetDouble());
                break;
            case JsonValueKind.True:
                writer.Write(true);
                break;
            case JsonValueKind.False:
                writer.Write(false);
                break;
            default:
                writer.WriteNil();
                break;
        }
    }

    private static void Read(ref MessagePackReader reader, Utf8JsonWriter json, MessagePackSerializerOptions options)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Map:
                var properties = reader.ReadMapHeader();
                json.WriteStartObject();
                for (var i = 0; i < properties; i++)
                {
                    json.WritePropertyName(reader.ReadString() ?? throw new MessagePackSerializationException("A map key is nil."));
                    Read(ref reader, json, options);
                }

                json.WriteEndObject();
                break;
            case MessagePackType.Array:
                var items = reader.ReadArrayHeader();
                json.WriteStartArray();
                for (var i = 0; i < items; i++)
                {
                    Read(ref reader, json, options);
                }

                json.WriteEndArray();
                break;
            case MessagePackType.String:
                json.WriteStringValue(reader.ReadString());
                break;
            case MessagePackType.Integer:
                json.WriteNumberValue(reader.ReadInt64());
                break;
            case MessagePackType.Float:
                json.WriteNumberValue(reader.ReadDouble());
                break;
            case MessagePackType.Boolean:
                json.WriteBooleanValue(reader.ReadBoolean());
                break;
            case MessagePackType.Nil:
                reader.ReadNil();
                json.WriteNullValue();
                break;
            default:
                throw new MessagePackSerializationException($"A {reader.NextMessagePackType} value has no JSON form.");
        }
    }
}
