namespace Classroom.Contracts.Media;

/// <summary>
/// The media of a lesson's replay (key: the classroom id; the replay grain itself serves it): every segment announced,
/// with its place on the replay's timeline, read from the classroom's log without waking the classroom.
/// </summary>
[Alias("IReplayMedia")]
public interface IReplayMedia : IGrainWithStringKey
{
    /// <summary>The segments that end after <paramref name="fromMillis"/>, in number order, at most <paramref name="maxCount"/> (up to 500).</summary>
    [Alias("GetSegmentsAsync")]
    Task<MediaSegmentPage> GetSegmentsAsync(string viewerId, long fromMillis, int maxCount);
}
