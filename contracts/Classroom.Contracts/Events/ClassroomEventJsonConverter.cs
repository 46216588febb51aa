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
        JsonElement? data = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "classroomId": classroomId = reader.GetString(); break;
                case "seq": seq = reader.GetInt64(); break;
                case "at": at = reader.GetDateTimeOffset(); break;
                case "type": type = reader.GetString(); break;
                case "audience": audience = JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<EventAudience>)options.GetTypeInfo(typeof(EventAudience))); break;
                // The data may come before its type: keep it as a document until the type is known.
                case "data": data = JsonElement.ParseValue(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        if (classroomId is null || seq is null || at is null || type is null || data is null)
        {
            throw new JsonException("A classroom event needs classroomId, seq, at, type and data.");
        }

        var dataType = ClassroomEventTypes.TypeOf(type);
        var payload = dataType is null
            ? new UnknownEventData(type, data.Value)
            : (ClassroomEventData)(data.Value.Deserialize(options.GetTypeInfo(dataType))
                ?? throw new JsonException($"The data of a {type} event is null."));
        return new ClassroomEvent(classroomId, seq.Value, at.Value, audience, payload);
    }
}
