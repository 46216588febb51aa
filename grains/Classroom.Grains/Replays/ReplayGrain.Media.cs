using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;
using Classroom.Contracts.Media;
using Classroom.Grains.Classrooms;

namespace Classroom.Grains.Replays;

/// <summary>
/// The replay's media (<see cref="IReplayMedia"/>): every segment of the lesson with its place on the timeline, in
/// number order, which is also time order (the classroom never places a segment over the one before). Built from the
/// log on the first request, as the chat search is, and extended as a live lesson grows: 1,800 small entries an hour.
/// </summary>
public sealed partial class ReplayGrain : IReplayMedia
{
    private readonly List<MediaSegmentView> _media = [];
    private string? _streamId;
    private long _mediaSeq;
    private Task? _indexingMedia;

    public async Task<MediaSegmentPage> GetSegmentsAsync(string viewerId, long fromMillis, int maxCount)
    {
        if (fromMillis < 0)
        {
            throw new ClassroomValidationException(Refusals.ReplayPositionNegative);
        }

        if (maxCount is < 1 or > MediaLimits.MaxPage)
        {
            throw new ClassroomValidationException(Refusals.LessonEventsRange);
        }

        await RequireStartedAsync();
        if (_mediaSeq < _head.Seq)
        {
            await (_indexingMedia is { IsCompleted: false } running ? running : _indexingMedia = IndexMediaAsync());
        }

        // The first segment that ends after the moment: the one playing then, or the next to play.
        int low = 0, high = _media.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_media[middle].StartMillis + _media[middle].DurationMillis <= fromMillis)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var count = Math.Min(maxCount, _media.Count - low);
        return new MediaSegmentPage(_streamId, _media.GetRange(low, count), low + count < _media.Count);
    }

    private async Task IndexMediaAsync()
    {
        await foreach (var entry in ReadLessonAsync(_mediaSeq, MaxPage))
        {
            switch (entry.Event.Data)
            {
                case MediaBroadcastStarted started:
                    _streamId = started.StreamId;
                    break;
                case MediaSegmentAdded segment when _media.Count == 0 || segment.Number > _media[^1].Number:
                    _media.Add(MediaState.View(segment));
                    break;
            }

            _mediaSeq = entry.Sequence;
        }
    }
}
