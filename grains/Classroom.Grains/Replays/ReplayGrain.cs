using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;
using Classroom.Contracts.Replays;
using Classroom.Grains.Classrooms;
using Classroom.Persistence.EventLogs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Classroom.Grains.Replays;

/// <summary>
/// The replay of one lesson: a read model of the classroom's event log, shared by every viewer of that lesson. It folds
/// the log once, leaving a checkpoint every <see cref="ReplayOptions.CheckpointEvery"/> events; a seek then reads the
/// checkpoint nearest before the moment and folds forward from it. It never calls the live classroom.
/// </summary>
/// <remarks>
/// [Reentrant]: seeks, pages and searches read immutable checkpoints and the log into state of their own, so any
/// number may interleave while they wait for storage. The only shared state that changes is the head (the fold of
/// the whole log) and the checkpoint index, and only the single catch-up in flight changes them, one event at a time.
/// </remarks>
[GrainType("replay")]
[Reentrant]
public sealed partial class ReplayGrain(
    [PersistentState("replay")] IPersistentState<ReplayIndexState> index,
    [EventLog("checkpoints")] IEventLog<ReplayCheckpoint> checkpoints,
    [EventLogReader("classroom", "events")] IEventLogReader<ClassroomEvent> lesson,
    IOptions<ClassroomOptions> classroomOptions,
    IOptions<ReplayOptions> options,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    ILogger<ReplayGrain> logger) : Grain, IReplayGrain
{
    private const int MaxPage = 1000;
    private readonly ClassroomOptions _classroom = classroomOptions.Value;
    private readonly ReplayOptions _options = options.Value;
    private ClassroomState _head = new();
    private Task? _catchingUp;
    private DateTimeOffset _caughtUpAt;

    private string Id => this.GetPrimaryKeyString();

    private List<CheckpointRef> Checkpoints => index.State.Checkpoints;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Checkpoints.Count > 0)
        {
            _head = await ReadCheckpointAsync(Checkpoints.Count);
        }

        await CatchUpAsync();
    }

    public async Task<ReplayInfo> GetInfoAsync(string viewerId)
    {
        var startedAt = await RequireStartedAsync();
        var chapters = _head.Markers.Select(m => new ReplayChapter(m.Label, m.Kind, Millis(m.At - startedAt), m.Seq)).ToList();
        return new ReplayInfo(Id, _head.Status, _head.Preview, startedAt, _head.EndedAt, DurationMillis(startedAt), _head.Seq, chapters);
    }

    public async Task<ReplayFrame> SeekAsync(string viewerId, long offsetMillis)
    {
        if (offsetMillis < 0)
        {
            throw new ClassroomValidationException(Refusals.ReplayPositionNegative);
        }

        var startedAt = await RequireStartedAsync();
        var duration = DurationMillis(startedAt);
        var offset = Math.Min(offsetMillis, duration);
        var state = await StateAtAsync(startedAt.AddMilliseconds(offset));
        var atEnd = offset == duration;
        return new ReplayFrame(Id, offset, atEnd, ClassroomView.Of(Id, state, viewerId ?? "", _classroom.PresenceThreshold));
    }

    public async Task<ClassroomEventPage> GetEventsAsync(string viewerId, long afterSeq, int maxCount)
    {
        ClassroomRules.CheckEventRange(afterSeq, maxCount);

        await RequireStartedAsync();
        var staff = _head.IsStaff(viewerId ?? "");
        var page = await lesson.ReadAsync(afterSeq, Math.Min(maxCount, MaxPage));
        var through = page.Count > 0 ? page[^1].Sequence : afterSeq;
        var visible = page.Select(entry => entry.Event).Where(e => e.Audience.IsVisibleTo(staff)).ToList();
        return new ClassroomEventPage(Id, afterSeq, through, visible, through < _head.Seq);
    }

    /// <summary>The lesson's start; refuses when there is no lesson or it has not started. Reads new events of a live lesson first.</summary>
    private async Task<DateTimeOffset> RequireStartedAsync()
    {
        if (_head.Status != ClassroomStatus.Ended && time.GetUtcNow() - _caughtUpAt >= _options.LiveRefreshInterval)
        {
            await CatchUpAsync();
        }

        return _head.Status switch
        {
            ClassroomStatus.None => throw new ClassroomNotFoundException(Refusals.LessonNotFound, Id),
            _ when _head.StartedAt is null => throw new ClassroomStateException(Refusals.ReplayNotStarted),
            _ => _head.StartedAt.Value,
        };
    }

    /// <summary>From the start to the end, or to now while the lesson is live; never negative.</summary>
    private long DurationMillis(DateTimeOffset startedAt) =>
        Math.Max(0, Millis((_head.EndedAt ?? time.GetUtcNow()) - startedAt));

    private static long Millis(TimeSpan span) => ReplayOffset.Millis(span);

    [LoggerMessage(1, LogLevel.Warning, "Replay of {ClassroomId} skipped event {Seq} of unknown type '{Type}' written by a newer build")]
    private static partial void UnknownEventSkipped(ILogger logger, string classroomId, long seq, string type);

    [LoggerMessage(2, LogLevel.Warning, "Replay of {ClassroomId} could not store its checkpoint index; the checkpoint log still holds them")]
    private static partial void IndexWriteFailed(ILogger logger, Exception exception, string classroomId);
}
