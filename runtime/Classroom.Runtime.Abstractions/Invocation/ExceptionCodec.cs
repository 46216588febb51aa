using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;

namespace Classroom.Runtime.Invocation;

/// <summary>
/// Carries an exception across the serialization boundary as its type name, message and stack trace, and recreates
/// it on the other side with the same type and message when the type is known there and has a (string) constructor.
/// </summary>
public static class ExceptionCodec
{
    /// <summary>Writes <paramref name="exception"/> as a JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, Exception exception)
    {
        var type = exception.GetType();
        writer.WriteStartObject();
        writer.WriteString("type", $"{type.FullName}, {type.Assembly.GetName().Name}");
        writer.WriteString("message", exception.Message);
        writer.WriteString("stackTrace", exception.StackTrace);
        writer.WriteEndObject();
    }

    /// <summary>Reads an exception written by <see cref="Write"/>; the reader is on its StartObject.</summary>
    public static Exception Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an exception object.");
        }

        string typeName = "System.Exception", message = "", stackTrace = "";
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            var value = reader.TokenType == JsonTokenType.Null ? "" : reader.GetString() ?? "";
            switch (name)
            {
                case "type": typeName = value; break;
                case "message": message = value; break;
                case "stackTrace": stackTrace = value; break;
            }
        }

        return Recreate(typeName, message, stackTrace);
    }

    private static Exception Recreate(string typeName, string message, string stackTrace)
    {
        // Only on the failure path: the cost of the type lookup is paid by exceptions, never by successful calls.
        var type = Type.GetType(typeName, throwOnError: false);
        Exception exception;
        if (type is not null && typeof(Exception).IsAssignableFrom(type)
            && type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, [typeof(string)]) is { } constructor)
        {
            exception = (Exception)constructor.Invoke([message]);
            if (exception.Message != message)
            {
                // Types such as ArgumentException decorate their message; keep what the grain threw.
                exception = new RemoteGrainException(typeName.Split(',')[0], message);
            }
        }
        else
        {
            exception = new RemoteGrainException(typeName.Split(',')[0], message);
        }

        return string.IsNullOrEmpty(stackTrace) ? exception : ExceptionDispatchInfo.SetRemoteStackTrace(exception, stackTrace);
    }
}
