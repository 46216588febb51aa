using System.Text.Json.Serialization;

namespace Classroom.Contracts.Events;

/// <summary>
/// The events one commit made durable, in order: what a classroom publishes on its stream. Batches of one classroom
/// follow each other without gaps: a batch's <see cref="FirstSeq"/> is the previous batch's <see cref="LastSeq"/> + 1.
/// Every audience's events are included; hosts fan out to each viewer what its audience may see.
/// </summary>
public sealed record ClassroomEventBatch(
    [property: JsonPropertyName("classroomId")] string ClassroomId,
    [property: JsonPropertyName("firstSeq")] long FirstSeq,
    [property: JsonPropertyName("lastSeq")] long LastSeq,
    [property: JsonPropertyName("events")] IReadOnlyList<ClassroomEvent> Events);

/// <summary>Where classrooms publish their events.</summary>
public static class ClassroomStreams
{
    /// <summary>The stream namespace; the stream key is the classroom id.</summary>
    public const string Namespace = "classroom-events";
}
