using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;
using Classroom.Contracts.Media;
using Classroom.Contracts.Replays;

namespace Classroom.Grains.Classrooms;

/// <summary>
/// The teacher's voice and picture (<see cref="IClassroomMedia"/>). The bytes never pass through here: the gateway
/// stores each segment and announces it; the grain decides who may broadcast, numbers and places segments on the
/// lesson's timeline, and tells everyone, like every other action (validated and raised before the first await).
/// </summary>
public sealed partial class ClassroomGrain : IClassroomMedia
{
    // A segment may end this far past the classroom's "now" (the sender's clock running a little fast) before it is
    // placed by the classroom's clock instead.
    private const long FutureSlackMillis = 1_000;

    private MediaState Media => _state.Media;

    public async Task<MediaBroadcastTicket> StartBroadcastAsync(string actorId, MediaSource source, bool microphone, bool camera)
    {
        RequireStaff(actorId, Phrase.Broadcast);
        RequireLive(Phrase.Broadcast);
        if (!Enum.IsDefined(source))
        {
            throw new ClassroomValidationException(Refusals.MediaSourceUnknown);
        }

        // A broadcast started again (the teacher's page reloaded, or another source) begins a new one: its own anchor.
        Raise(new MediaBroadcastStarted(Media.StreamId ?? MediaIds.NewStreamId(), Media.Broadcasts + 1, source, microphone, camera, actorId));
        // Read before the commit's await: actions interleaved meanwhile (another start, a segment) must not change it.
        var ticket = new MediaBroadcastTicket(Media.StreamId!, Media.Broadcasts, Media.NextNumber);
        await CommitAsync();
        return ticket;
    }

    public async Task SetTracksAsync(string actorId, bool microphone, bool camera)
    {
        RequireBroadcasting(actorId);
        if (Media.Microphone != microphone || Media.Camera != camera)
        {
            Raise(new MediaTracksChanged(microphone, camera, actorId));
        }

        await CommitAsync();
    }

    public async Task EndBroadcastAsync(string actorId)
    {
        RequireStaff(actorId, Phrase.Broadcast);
        if (Media.Live)
        {
            Raise(new MediaBroadcastEnded(actorId));
        }

        await CommitAsync();
    }

    public Task<string> CheckSegmentAsync(string actorId, long number)
    {
        RequireBroadcasting(actorId);
        if (Media.Latest.Find(s => s.Number == number) is null)
        {
            RequireFreshNumber(number);
        }

        return Task.FromResult(Media.StreamId!);
    }

    public async Task<MediaSegmentView> AddSegmentAsync(string actorId, MediaSegmentDraft segment)
    {
        RequireBroadcasting(actorId);
        ArgumentNullException.ThrowIfNull(segment);
        if (Media.Latest.Find(s => s.Number == segment.Number) is { } sent)
        {
            // A retried upload of the same bytes: already announced. Other bytes under a used number are refused.
            if (sent.Sha256 != segment.Sha256)
            {
                throw new ClassroomStateException(Refusals.MediaNumberUsed, segment.Number);
            }

            await CommitAsync();
            return MediaState.View(sent);
        }

        RequireFreshNumber(segment.Number);
        CheckSegment(segment);
        var added = Raise(new MediaSegmentAdded(
            segment.Number, PlaceSegment(segment), segment.DurationMillis, segment.OffsetMillis, segment.Bytes, segment.AudioBytes,
            segment.Width, segment.Height, segment.Sha256, segment.Codecs));
        await CommitAsync();
        return MediaState.View((MediaSegmentAdded)added.Data);
    }

    /// <summary>
    /// Where a segment starts on the lesson's timeline: the broadcast's anchor plus the sender's offset, so a broadcast's
    /// segments lie end to end as they were recorded, whatever the upload's delays. The first segment of a broadcast
    /// fixes the anchor: it was recorded just before it arrived. Never over the previous segment, never in the future.
    /// </summary>
    private long PlaceSegment(MediaSegmentDraft segment)
    {
        var now = ReplayOffset.Millis(Now - _state.StartedAt!.Value);
        var start = Media.AnchorMillis is { } anchor ? anchor + segment.OffsetMillis : now - segment.DurationMillis;
        if (start + segment.DurationMillis > now + FutureSlackMillis)
        {
            start = now - segment.DurationMillis;
        }

        return Math.Max(Math.Max(0, start), Media.EndMillis);
    }

    private static void CheckSegment(MediaSegmentDraft segment)
    {
        if (segment.DurationMillis is < MediaLimits.MinDurationMillis or > MediaLimits.MaxDurationMillis || segment.OffsetMillis < 0)
        {
            throw new ClassroomValidationException(Refusals.MediaDurationRange, MediaLimits.MinDurationMillis, MediaLimits.MaxDurationMillis);
        }

        var noPicture = segment.Width == 0 && segment.Height == 0;
        if (!noPicture && (segment.Width is < MediaLimits.MinSide or > MediaLimits.MaxSide || segment.Height is < MediaLimits.MinSide or > MediaLimits.MaxSide))
        {
            throw new ClassroomValidationException(Refusals.MediaPictureSize, MediaLimits.MinSide, MediaLimits.MaxSide);
        }

        if (segment.Codecs is null || !MediaLimits.Codecs.Contains(segment.Codecs))
        {
            throw new ClassroomValidationException(Refusals.MediaUnsupportedCodec);
        }

        if (segment.Bytes <= 0 || segment.AudioBytes < 0 || segment.Sha256 is not { Length: 64 } || !segment.Sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ClassroomValidationException(Refusals.MediaMalformed);
        }
    }

    /// <summary>Staff, a live lesson, a broadcast on, started by the caller (another member of staff cannot send into it).</summary>
    private void RequireBroadcasting(string actorId)
    {
        RequireStaff(actorId, Phrase.Broadcast);
        RequireLive(Phrase.Broadcast);
        if (!Media.Live)
        {
            throw new ClassroomStateException(Refusals.MediaNotBroadcasting);
        }

        if (Media.Broadcaster is { } broadcaster && broadcaster != actorId)
        {
            throw new ClassroomPermissionException(Refusals.MediaNotYourBroadcast);
        }
    }

    /// <summary>Numbers only grow, by at most <see cref="MediaLimits.MaxNumberJump"/> (a sender may drop segments to stay live).</summary>
    private void RequireFreshNumber(long number)
    {
        var next = Media.NextNumber;
        if (number < next || number > next + MediaLimits.MaxNumberJump)
        {
            throw new ClassroomStateException(Refusals.MediaNumberOrder, next, next + MediaLimits.MaxNumberJump);
        }
    }
}
