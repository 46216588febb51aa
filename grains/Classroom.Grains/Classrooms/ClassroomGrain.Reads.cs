using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;

namespace Classroom.Grains.Classrooms;

public sealed partial class ClassroomGrain
{
    private const int MaxPage = 1000;

    public async Task<ClassroomSnapshot> GetSnapshotAsync(string viewerId)
    {
        RequireExists();
        var view = Snapshot(viewerId ?? "");
        // A snapshot is only shown once everything in it is durable.
        await WhenCommitted(view.Seq);
        return view;
    }

    public async Task<ClassroomEventPage> GetEventsAsync(string viewerId, long afterSeq, int maxCount)
    {
        RequireExists();
        if (afterSeq < 0 || maxCount < 1)
        {
            throw new ClassroomValidationException("Events are asked for after a sequence number of 0 or more, at least one at a time.");
        }

        var through = Math.Min(_committedSeq, afterSeq + Math.Min(maxCount, MaxPage));
        if (through <= afterSeq)
        {
            return new ClassroomEventPage(Id, afterSeq, afterSeq, [], false);
        }

        var staff = _state.IsStaff(viewerId ?? "");
        var committed = _committedSeq;
        IReadOnlyList<ClassroomEvent> events;
        if (_recent.Count > 0 && _recent[0].Seq <= afterSeq + 1)
        {
            var start = (int)(afterSeq + 1 - _recent[0].Seq);
            events = _recent.GetRange(start, (int)(through - afterSeq));
        }
        else
        {
            events = (await log.ReadAsync(afterSeq, (int)(through - afterSeq))).Select(entry => entry.Event).ToList();
        }

        var visible = events.Where(e => CanSee(e.Audience, staff)).ToList();
        return new ClassroomEventPage(Id, afterSeq, through, visible, through < committed);
    }

    /// <summary>
    /// The present participants everyone may see: staff, and registered students while the class is at most the
    /// threshold. Above it only staff are looked up, so a join into a class of thousands stays cheap.
    /// </summary>
    private IEnumerable<KeyValuePair<string, ParticipantState>> Listed()
    {
        if (_state.Present > _options.PresenceThreshold)
        {
            return _state.Assistants.Prepend(_state.TeacherId ?? "")
                .Select(id => (id, participant: _state.FindPresent(id)))
                .Where(p => p.participant is not null)
                .Select(p => KeyValuePair.Create(p.id, p.participant!));
        }

        return _state.Participants.Where(p => p.Value.IsPresent && (p.Value.Role is ParticipantRole.Teacher or ParticipantRole.Assistant
            || (p.Value.Role == ParticipantRole.Student && _state.Registered.Contains(p.Key))));
    }

    private static bool CanSee(EventAudience audience, bool staff) =>
        audience == EventAudience.Everyone || (audience == EventAudience.Staff && staff);

    /// <summary>The classroom as <paramref name="viewerId"/> may see it now.</summary>
    private ClassroomSnapshot Snapshot(string viewerId)
    {
        var staff = _state.IsStaff(viewerId);
        var listed = Listed().Select(p => new ParticipantView(p.Key, p.Value.DisplayName, p.Value.Role)).ToList();
        var polls = _state.Polls.Select(p => new PollView(
            p.PollId, p.Question, [.. p.Options], p.MultipleChoice, p.IsQuiz, p.Anonymous, p.Status, [.. p.Counts], p.Votes.Count,
            staff || p.Status == PollStatus.Published ? p.CorrectOptions?.ToList() : null, p.ClosesAt)).ToList();
        return new ClassroomSnapshot(
            Id, _state.Seq, _state.Status, _state.Preview, _state.StartedAt, _state.EndedAt, [.. _state.Assistants], _state.Registered.Count,
            new PresenceView(_state.Present, listed),
            new ChatView(_state.ChatEnabled, _state.SlowModeSeconds, [.. _state.Messages], staff ? [.. _state.Muted] : []),
            polls, [.. _state.Hands], [.. _state.Stage], [.. _state.Markers]);
    }
}
