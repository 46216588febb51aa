using System.Text.Json.Serialization;
using Classroom.Contracts.MicroLessons;

namespace Classroom.Grains.MicroLessons;

/// <summary>A micro-lesson as stored: what it is, and whether it was deleted (its id is never made again).</summary>
public sealed class MicroLessonState
{
    [JsonPropertyName("microLesson")]
    public MicroLessonView? MicroLesson { get; set; }

    [JsonPropertyName("deleted")]
    public bool Deleted { get; set; }
}

/// <summary>The entries of a micro-lesson list, by id.</summary>
public sealed class MicroLessonListState
{
    [JsonPropertyName("entries")]
    public Dictionary<string, MicroLessonView> Entries { get; set; } = new(StringComparer.Ordinal);
}
