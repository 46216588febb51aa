using System.Text.Json.Serialization;
using Classroom.Contracts.Events;

namespace Classroom.Contracts.Classrooms;

/// <summary>
/// Committed events after <see cref="AfterSeq"/> that one viewer may see, through <see cref="ThroughSeq"/>. Events the
/// viewer may not see (individual votes, large classes' presence) are left out, but still counted in the range: the
/// next page starts after <see cref="ThroughSeq"/>, and no event is lost between pages.
/// </summary>
[GenerateSerializer, Immutable, Alias("ClassroomEventPage")]
public sealed record ClassroomEventPage(
    [Id(0)] [property: JsonPropertyName("classroomId")] string ClassroomId,
    [Id(1)] [property: JsonPropertyName("afterSeq")] long AfterSeq,
    [Id(2)] [property: JsonPropertyName("throughSeq")] long ThroughSeq,
    [Id(3)] [property: JsonPropertyName("events")] IReadOnlyList<ClassroomEvent> Events,
    [Id(4)] [property: JsonPropertyName("hasMore")] bool HasMore);
