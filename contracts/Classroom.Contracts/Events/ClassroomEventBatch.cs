using System.Text.Json.Serialization;

namespace Classroom.Contracts.Events;

/// <summary>
/// The events one commit made durable, in order: what a classroom sends its subscribers (<see cref="IClassroomObserver"/>). Batches of one classroom
/// follow each other without gaps: a batch's <see cref="FirstSeq"/> is the previous batch's <see cref="LastSeq"/> + 1.
/// Every audience's events are included; hosts fan out to each viewer what its audience may see.
/// </summary>
[GenerateSerializer, Immutable, Alias("ClassroomEventBatch")]
public sealed record ClassroomEventBatch(
    [Id(0)] [property: JsonPropertyName("classroomId")] string ClassroomId,
    [Id(1)] [property: JsonPropertyName("firstSeq")] long FirstSeq,
    [Id(2)] [property: JsonPropertyName("lastSeq")] long LastSeq,
    [Id(3)] [property: JsonPropertyName("events")] IReadOnlyList<ClassroomEvent> Events);
