using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Classroom.Contracts.Events;

/// <summary>
/// Writes an event as <c>{classroomId, seq, at, type, audience, data}</c> and reads it back, choosing the data's type
/// by name. A name this build does not know becomes <see cref="UnknownEventData"/> instead of failing, so logs written
/// by newer builds still read.
/// </summary>
public sealed class ClassroomEventJsonConverter : JsonConverter<ClassroomEvent>
{
    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ClassroomEvent value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("classroomId", value.ClassroomId);
        writer.WriteNumber("seq", value.Seq);
        writer.WriteString("at", value.At);
        writer.WriteString("type", value.Type);
        writer.WritePropertyName("audience");
        JsonSerializer.Serialize(writer, value.Audience, options.GetTypeInfo(typeof(EventAudience)));
        writer.WritePropertyName("data");
        if (value.Data is UnknownEventData unknown)
        {
            unknown.Raw.WriteTo(writer);
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Data, options.GetTypeInfo(value.Data.GetType()));
        }

        writer.WriteEndObject();
    }

    private static ClassroomEventData ReadData(ref Utf8JsonReader reader, string type, JsonSerializerOptions options)
    {
        if (ClassroomEventTypes.TypeOf(type) is not { } dataType)
        {
            return new UnknownEventData(type, JsonElement.ParseValue(ref reader));
        }

        return (ClassroomEventData)(JsonSerializer.Deserialize(ref reader, options.GetTypeInfo(dataType))
            ?? throw new JsonException($"The data of a {type} event is null."));
    }

    /// <inheritdoc />
    public override ClassroomEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A classroom event is a JSON object.");
        }

        string? classroomId = null, type = null;
        long? seq = null;
        DateTimeOffset? at = null;
        var audience = EventAudience.Everyone;
        ClassroomEventData? payload = null;
        JsonElement? early = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                // Writers put the type first, so the data is read straight into its record; data that comes before its
                // type is kept as a document until the type is known.
                if (type is null)
                {
                    early = JsonElement.ParseValue(ref reader);
                }
                else
                {
                    payload = ReadData(ref reader, type, options);
                }

                continue;
            }

            var name = reader.ValueTextEquals("classroomId"u8) ? 0 : reader.ValueTextEquals("seq"u8) ? 1 : reader.ValueTextEquals("at"u8) ? 2
                : reader.ValueTextEquals("type"u8) ? 3 : reader.ValueTextEquals("audience"u8) ? 4 : -1;
            reader.Read();
            switch (name)
            {
                case 0: classroomId = reader.GetString(); break;
                case 1: seq = reader.GetInt64(); break;
                case 2: at = reader.GetDateTimeOffset(); break;
                case 3: type = reader.GetString(); break;
                case 4: audience = JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<EventAudience>)options.GetTypeInfo(typeof(EventAudience))); break;
                default: reader.Skip(); break;
            }
        }

        if (classroomId is null || seq is null || at is null || type is null || (payload is null && early is null))
        {
            throw new JsonException("A classroom event needs classroomId, seq, at, type and data.");
        }

        if (payload is null)
        {
            var document = early!.Value;
            var dataType = ClassroomEventTypes.TypeOf(type);
            payload = dataType is null
                ? new UnknownEventData(type, document)
                : (ClassroomEventData)(document.Deserialize(options.GetTypeInfo(dataType)) ?? throw new JsonException($"The data of a {type} event is null."));
        }

        return new ClassroomEvent(classroomId, seq.Value, at.Value, audience, payload);
    }
}
