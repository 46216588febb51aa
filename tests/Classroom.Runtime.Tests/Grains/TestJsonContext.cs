using System.Text.Json.Serialization;

namespace Classroom.Runtime.Tests.Grains;

/// <summary>A record as contract types are: immutable, with stable names.</summary>
public sealed record Note(
    [property: JsonPropertyName("author")] string Author,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags);

/// <summary>Never registered: calls carrying it must fail clearly.</summary>
public sealed record Unregistered(string Value);

public sealed class CounterState
{
    [JsonPropertyName("value")]
    public int Value { get; set; }
}

[JsonSerializable(typeof(Note))]
[JsonSerializable(typeof(List<Note>))]
[JsonSerializable(typeof(Note[]))]
[JsonSerializable(typeof(CounterState))]
[JsonSerializable(typeof(int))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
