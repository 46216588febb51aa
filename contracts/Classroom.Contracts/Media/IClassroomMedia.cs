namespace Classroom.Contracts.Media;

/// <summary>
/// The teacher's voice and picture in a lesson (key: the classroom id; the classroom grain itself serves it). Staff go
/// live while the lesson is; the sender's browser records short segments, the gateway checks and stores each, then
/// announces it here: every change is an event in the classroom's log, committed before the call returns, and the
/// snapshot's <c>media</c> is their fold. Refusals throw a <see cref="Errors.ClassroomException"/> subtype.
/// </summary>
[Alias("IClassroomMedia")]
public interface IClassroomMedia : IGrainWithStringKey
{
    /// <summary>Begins a broadcast (staff, live lesson): the lesson's stream id (minted at the first) and the next segment number.</summary>
    [Alias("StartBroadcastAsync")]
    Task<MediaBroadcastTicket> StartBroadcastAsync(string actorId, MediaSource source, bool microphone, bool camera);

    /// <summary>Tells viewers the microphone or camera was turned off or on (staff, while broadcasting); a no-op when nothing changed.</summary>
    [Alias("SetTracksAsync")]
    Task SetTracksAsync(string actorId, bool microphone, bool camera);

    /// <summary>Ends the broadcast (staff); a no-op when none is on. The lesson's end ends it too.</summary>
    [Alias("EndBroadcastAsync")]
    Task EndBroadcastAsync(string actorId);

    /// <summary>
    /// Whether <paramref name="actorId"/> may send segment <paramref name="number"/> now (staff, a broadcast on, a number
    /// not yet used); answers the stream id to store it under. Asked before an upload's body is read, so a refused
    /// sender costs nothing; <see cref="AddSegmentAsync"/> checks again.
    /// </summary>
    [Alias("CheckSegmentAsync")]
    Task<string> CheckSegmentAsync(string actorId, long number);

    /// <summary>
    /// Announces a stored segment (staff, while broadcasting): placed on the lesson's timeline and sent to every viewer
    /// as <c>media.segment-added</c>. The same segment again (same number and bytes) is a no-op, so a retried upload is
    /// harmless; a used number with other bytes is refused.
    /// </summary>
    [Alias("AddSegmentAsync")]
    Task<MediaSegmentView> AddSegmentAsync(string actorId, MediaSegmentDraft segment);
}
