using System.Text.Json.Serialization;

namespace Classroom.Contracts.Events;

/// <summary>
/// One change of a classroom: <c>{classroomId, seq, at, type, audience, data}</c>. <see cref="Seq"/> numbers a
/// classroom's events 1, 2, 3… without gaps; <see cref="At"/> comes from the classroom's clock.
/// </summary>
[JsonConverter(typeof(ClassroomEventJsonConverter))]
[GenerateSerializer, Immutable, Alias("ClassroomEvent")]
public sealed record ClassroomEvent([Id(0)] string ClassroomId, [Id(1)] long Seq, [Id(2)] DateTimeOffset At, [Id(3)] EventAudience Audience, [Id(4)] ClassroomEventData Data)
{
    /// <summary>The stable name of the event's type, e.g. <c>chat.posted</c>.</summary>
    public string Type => ClassroomEventTypes.NameOf(Data);
}

/// <summary>Who may see an event.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventAudience>))]
public enum EventAudience
{
    /// <summary>Everyone in the classroom.</summary>
    [JsonStringEnumMemberName("everyone")] Everyone,

    /// <summary>The teacher and assistants.</summary>
    [JsonStringEnumMemberName("staff")] Staff,

    /// <summary>Nobody: kept in the log for the classroom's own state (e.g. votes in an anonymous poll).</summary>
    [JsonStringEnumMemberName("internal")] Internal,
}

/// <summary>Who sees what: the one rule the classroom, its replay and the gateways share.</summary>
public static class EventAudienceExtensions
{
    /// <summary>True when a viewer (<paramref name="staff"/>: the teacher or an assistant) may see an event for <paramref name="audience"/>.</summary>
    public static bool IsVisibleTo(this EventAudience audience, bool staff) =>
        audience == EventAudience.Everyone || (staff && audience == EventAudience.Staff);
}

/// <summary>What happened; one sealed record per event type, named in <see cref="ClassroomEventTypes"/>.</summary>
[GenerateSerializer, Alias("ClassroomEventData")]
public abstract record ClassroomEventData;

/// <summary>
/// An event of a type this build does not know (written by a newer one): kept as it was, never applied. Between silos
/// <see cref="Raw"/> travels as its JSON text (<see cref="Serialization.JsonElementSurrogate"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("UnknownEventData")]
public sealed record UnknownEventData([Id(0)] string Type, [Id(1)] System.Text.Json.JsonElement Raw) : ClassroomEventData;
