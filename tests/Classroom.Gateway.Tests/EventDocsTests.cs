using System.Reflection;
using System.Text.Json.Serialization;
using Classroom.Contracts.Events;
using Classroom.Gateway.Tests.Fixtures;

namespace Classroom.Gateway.Tests;

/// <summary>docs/events.md describes every event type and every field of its data, so clients can be written from it.</summary>
public sealed class EventDocsTests
{
    [Fact]
    public void Every_event_type_and_field_is_described_in_the_events_document()
    {
        var document = File.ReadAllText(Path.Combine(Repository.Root, "docs", "events.md"));

        foreach (var name in ClassroomEventTypes.Names)
        {
            var heading = $"### `{name}`";
            Assert.Contains(heading, document);
            var section = document[document.IndexOf(heading, StringComparison.Ordinal)..];
            section = section[..(section.IndexOf("\n### ", heading.Length, StringComparison.Ordinal) is var end and > 0 ? end : section.Length)];
            var fields = ClassroomEventTypes.TypeOf(name)!.GetConstructors().Single().GetParameters()
                .Select(p => ClassroomEventTypes.TypeOf(name)!.GetProperty(p.Name!)!.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name);
            Assert.All(fields, field => Assert.Contains($"| `{field}` |", section));
        }
    }
}
