using System.Text.Json.Serialization;
using Classroom.Persistence.Serialization;

namespace Classroom.Persistence.Tests.Fixtures;

/// <summary>A grain state as simple as they come.</summary>
public sealed record CounterState
{
    public int Count { get; set; }
}

/// <summary>A grain state with a list, shaped like the classroom's.</summary>
public sealed record LessonState
{
    public string Subject { get; set; } = "";

    public List<string> Students { get; set; } = [];
}

/// <summary>An event of a lesson's log.</summary>
public sealed record LessonEvent(string Kind, string Who);

[JsonSerializable(typeof(CounterState))]
[JsonSerializable(typeof(LessonState))]
[JsonSerializable(typeof(LessonEvent))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}

/// <summary>The persistence JSON of the test types, as a silo builds it from its contexts.</summary>
public static class TestJson
{
    public static PersistenceJson Create() =>
        new(Microsoft.Extensions.Options.Options.Create(new PersistenceJsonOptions { Contexts = { TestJsonContext.Default } }));
}
