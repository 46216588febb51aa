using System.Text.Json.Serialization;

namespace Classroom.Contracts.Events;

/// <summary>
/// One change of a classroom: <c>{classroomId, seq, at, type, audience, data}</c>. <see cref="Seq"/> numbers a
/// classroom's events 1, 2, 3… without gaps; <see cref="At"/> comes from the classroom's clock.
/// </summary>
[JsonConverter(typeof(ClassroomEventJsonConverter))]
public sealed record ClassroomEvent(string ClassroomId, long Seq, DateTimeOffset At, EventAudience Audience, ClassroomEventData Data)
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

/// <summary>What happened; one sealed record per event type, named in <see cref="ClassroomEventTypes"/>.</summary>
public abstract record ClassroomEventData;

/// <summary>An event of a type this build does not know (written by a newer one): kept as it was, never applied.</summary>
public sealed record UnknownEventData(string Type, System.Text.Json.JsonElement Raw) : ClassroomEventData;
