using System.Text.Json.Serialization;
using Classroom.Contracts.Events;

namespace Classroom.Contracts.Classrooms;

/// <summary>
/// Committed events after <see cref="AfterSeq"/> that one viewer may see, through <see cref="ThroughSeq"/>. Events the
/// viewer may not see (individual votes, large classes' presence) are left out, but still counted in the range: the
/// next page starts after <see cref="ThroughSeq"/>, and no event is lost between pages.
/// </summary>
public sealed record ClassroomEventPage(
    [property: JsonPropertyName("classroomId")] string ClassroomId,
    [property: JsonPropertyName("afterSeq")] long AfterSeq,
    [property: JsonPropertyName("throughSeq")] long ThroughSeq,
    [property: JsonPropertyName("events")] IReadOnlyList<ClassroomEvent> Events,
    [property: JsonPropertyName("hasMore")] bool HasMore);
