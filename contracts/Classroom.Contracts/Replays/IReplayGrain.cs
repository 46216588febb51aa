using Classroom.Contracts.Classrooms;

namespace Classroom.Contracts.Replays;

/// <summary>
/// The replay of one lesson (key: classroom id), for any number of viewers. It reads the classroom's durable event log,
/// never the live classroom grain, and keeps checkpoints of the folded state so a seek folds at most a few hundred
/// events. Offsets are milliseconds since the lesson started: the timeline of a recording made by a media server.
/// Refusals throw a <see cref="Errors.ClassroomException"/> subtype: not found (no such lesson), state (not started
/// yet), validation (bad offsets, queries or page sizes).
/// </summary>
[Alias("IReplayGrain")]
public interface IReplayGrain : IGrainWithStringKey
{
    /// <summary>The replay's duration, chapters and media URL, as <paramref name="viewerId"/> may see them.</summary>
    [Alias("GetInfoAsync")]
    Task<ReplayInfo> GetInfoAsync(string viewerId);

    /// <summary>
    /// The classroom as it was <paramref name="offsetMillis"/> after the start: every event up to that moment folded.
    /// A negative offset is refused; one beyond the end is clamped to the end (<see cref="ReplayFrame.AtEnd"/>).
    /// </summary>
    [Alias("SeekAsync")]
    Task<ReplayFrame> SeekAsync(string viewerId, long offsetMillis);

    /// <summary>The events after <paramref name="afterSeq"/> that <paramref name="viewerId"/> may see, at most <paramref name="maxCount"/> (up to 1000).</summary>
    [Alias("GetEventsAsync")]
    Task<ClassroomEventPage> GetEventsAsync(string viewerId, long afterSeq, int maxCount);

    /// <summary>Chat messages containing <paramref name="query"/> (case-insensitive), oldest first; deleted messages never match.</summary>
    [Alias("SearchChatAsync")]
    Task<ChatSearchResult> SearchChatAsync(string viewerId, string query, int maxCount);
}
