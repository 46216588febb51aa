using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;
using Classroom.Persistence.EventLogs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Classroom.Grains.Classrooms;

/// <summary>
/// One lesson, event-sourced: every action validates against <see cref="ClassroomState"/>, raises events that are
/// applied at once and committed to the classroom's log in groups, and returns when its events are durable.
/// </summary>
/// <remarks>
/// [Reentrant] is what makes group commit possible: while one batch is being written, the next actions run and fill
/// the next batch. It is safe because every method validates and applies its events synchronously, before its first
/// await; the awaits (a commit, a read of the log, a notice to another grain) come after the state change is complete,
/// so interleaving only ever happens between whole state transitions.
/// </remarks>
[GrainType("classroom")]
[Reentrant]
public sealed partial class ClassroomGrain(
    [PersistentState("classroom")] IPersistentState<ClassroomState> snapshot,
    [EventLog("events")] IEventLog<ClassroomEvent> log,
    IOptions<ClassroomOptions> options,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    ILogger<ClassroomGrain> logger) : Grain, IClassroomGrain
{
    private const int MaxPage = 1000;
    private readonly ClassroomOptions _options = options.Value;
    private ClassroomState _state = new();

    // Group commit (ClassroomGrain.Commit.cs): what waits for the next append, what is being written, what is durable.
    private List<ClassroomEvent> _pending = [];
    private TaskCompletionSource? _pendingCommitted;
    private (long LastSeq, TaskCompletionSource Committed)? _inFlight;
    private Task? _flushing;
    private long _committedSeq;
    private long _snapshotSeq;
    private Exception? _broken;
    private Task? _snapshotting;
    private readonly List<ClassroomEvent> _recent = [];

    // The hosts fanning this classroom out (ClassroomGrain.Subscribers.cs); created on activation.
    private ObserverManager<IClassroomObserver> _subscribers = null!;

    // The live lesson's cadence (ClassroomGrain.Cadence.cs): polls whose tally changed, the last presence count sent.
    private IGrainTimer? _cadence;
    private readonly HashSet<string> _dirtyPolls = [];
    private int _countedPresent;
    private DateTimeOffset _countedAt;

    private string Id => this.GetPrimaryKeyString();

    private DateTimeOffset Now => time.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _subscribers = new ObserverManager<IClassroomObserver>(_options.SubscriptionLifetime, logger);
        _state = snapshot.State ?? new ClassroomState();
        snapshot.State = _state;
        _snapshotSeq = _state.Seq;
        while (true)
        {
            var page = await log.ReadAsync(_state.Seq, 1000, cancellationToken);
            foreach (var entry in page)
            {
                if (entry.Event.Data is UnknownEventData unknown)
                {
                    UnknownEventSkipped(logger, Id, entry.Sequence, unknown.Type);
                }

                _state.Apply(entry.Event, _options.ChatHistory);
            }

            if (page.Count < 1000)
            {
                break;
            }
        }

        _committedSeq = _state.Seq;
        foreach (var poll in _state.Polls.Where(p => p.Status == PollStatus.Open))
        {
            _dirtyPolls.Add(poll.PollId);
        }

        _countedPresent = _state.Present;
        if (_state.Status == ClassroomStatus.Live)
        {
            StartCadence();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_snapshotting is { } running)
        {
            await running;
        }

        if (_broken is null && _state.Seq == _committedSeq && _committedSeq > _snapshotSeq)
        {
            await SaveSnapshotAsync();
        }
    }

    /// <summary>Applies an event now and queues it for the next commit.</summary>
    private ClassroomEvent Raise(ClassroomEventData data, EventAudience audience = EventAudience.Everyone)
    {
        var e = new ClassroomEvent(Id, _state.Seq + 1, Now, audience, data);
        _state.Apply(e, _options.ChatHistory);
        _pending.Add(e);
        return e;
    }

    /// <summary>Refuses any action while the classroom is recovering from a failed commit.</summary>
    private void EnsureHealthy()
    {
        if (_broken is not null)
        {
            throw new ClassroomStateException(Refusals.LessonRecovering);
        }
    }

    private void RequireExists()
    {
        EnsureHealthy();
        if (_state.Status == ClassroomStatus.None)
        {
            throw new ClassroomNotFoundException(Refusals.LessonNotFound, Id);
        }
    }

    private void RequireLive(Phrase action)
    {
        RequireExists();
        if (_state.Status != ClassroomStatus.Live)
        {
            throw new ClassroomStateException(_state.Status == ClassroomStatus.Ended ? Refusals.LessonEndedForAction : Refusals.LessonNotStartedForAction, action);
        }
    }

    private void RequireStaff(string actorId, Phrase action)
    {
        RequireExists();
        if (!_state.IsStaff(actorId))
        {
            throw new ClassroomPermissionException(Refusals.LessonStaffOnly, action);
        }
    }

    private void RequireTeacher(string actorId, Phrase action)
    {
        RequireExists();
        if (actorId != _state.TeacherId)
        {
            throw new ClassroomPermissionException(Refusals.LessonTeacherOnly, action);
        }
    }

    /// <summary>
    /// The present student <paramref name="userId"/> (a student in at least one connection), or a refusal naming why they
    /// may not <paramref name="action"/>. For rules about the person (inviting them on stage), not about one connection.
    /// </summary>
    private ParticipantState RequirePresentStudent(string userId, Phrase action)
    {
        var participant = _state.FindPresent(userId)
            ?? throw new ClassroomPermissionException(Refusals.LessonPresentOnly, action);
        RequireStudentRole(participant.Role, action);
        return participant;
    }

    /// <summary>
    /// The participant behind <paramref name="connectionId"/> and the role that connection joined with, or a refusal
    /// if it is not one of <paramref name="userId"/>'s connections here.
    /// </summary>
    private (ParticipantState Participant, ParticipantRole Role) RequireConnection(string userId, string connectionId, Phrase action)
    {
        var participant = _state.FindPresent(userId ?? "");
        return participant?.RoleOf(connectionId ?? "") is { } role
            ? (participant, role)
            : throw new ClassroomPermissionException(Refusals.LessonPresentOnly, action);
    }

    /// <summary>Refuses unless <paramref name="connectionId"/> of <paramref name="userId"/> joined as a student.</summary>
    private void RequireStudentConnection(string userId, string connectionId, Phrase action) =>
        RequireStudentRole(RequireConnection(userId, connectionId, action).Role, action);

    private static void RequireStudentRole(ParticipantRole role, Phrase action)
    {
        if (role != ParticipantRole.Student)
        {
            throw new ClassroomPermissionException(role == ParticipantRole.Viewer ? Refusals.LessonViewersCannot : Refusals.LessonStudentsOnly, action);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Classroom {ClassroomId} skipped event {Seq} of unknown type '{Type}' written by a newer build")]
    private static partial void UnknownEventSkipped(ILogger logger, string classroomId, long seq, string type);

    [LoggerMessage(2, LogLevel.Error, "Classroom {ClassroomId} could not commit events {FirstSeq}-{LastSeq}; deactivating to rebuild from its log")]
    private static partial void CommitFailed(ILogger logger, Exception exception, string classroomId, long firstSeq, long lastSeq);

    [LoggerMessage(3, LogLevel.Warning, "Classroom {ClassroomId} could not store its snapshot at {Seq}; the log still holds every event")]
    private static partial void SnapshotFailed(ILogger logger, Exception exception, string classroomId, long seq);

    [LoggerMessage(4, LogLevel.Warning, "Classroom {ClassroomId} could not tell {Grain} about {What}")]
    private static partial void NoticeFailed(ILogger logger, Exception exception, string classroomId, string grain, string what);
}
