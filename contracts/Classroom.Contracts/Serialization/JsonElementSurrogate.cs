using System.Text.Json;

namespace Classroom.Contracts.Serialization;

/// <summary>
/// A JSON value as Orleans carries it between processes: its text. <see cref="Events.UnknownEventData"/> keeps the data
/// of an event type this build does not know as a <see cref="JsonElement"/>, which Orleans has no codec for.
/// </summary>
[GenerateSerializer, Immutable, Alias("JsonElementSurrogate")]
public readonly record struct JsonElementSurrogate([property: Id(0)] string Json);

/// <summary>Converts <see cref="JsonElement"/> to and from its surrogate.</summary>
[RegisterConverter]
public sealed class JsonElementSurrogateConverter : IConverter<JsonElement, JsonElementSurrogate>
{
    /// <inheritdoc />
    public JsonElement ConvertFromSurrogate(in JsonElementSurrogate surrogate)
    {
        using var document = JsonDocument.Parse(surrogate.Json);
        return document.RootElement.Clone();
    }

    /// <inheritdoc />
    public JsonElementSurrogate ConvertToSurrogate(in JsonElement value) => new(value.GetRawText());
}
