using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;

namespace Classroom.Grains.Classrooms;

public sealed partial class ClassroomGrain
{
    public async Task<ClassroomSnapshot> GetSnapshotAsync(string viewerId)
    {
        RequireExists();
        var view = Snapshot(viewerId ?? "");
        // A snapshot is only shown once everything in it is durable.
        await WhenCommitted(view.Seq);
        return view;
    }

    public Task<ClassroomEventPage> GetEventsAsync(string viewerId, long afterSeq, int maxCount)
    {
        var staff = _state.IsStaff(viewerId ?? "");
        return ReadPageAsync(afterSeq, maxCount, e => e.Audience.IsVisibleTo(staff));
    }

    public Task<ClassroomEventPage> ReadCommittedAsync(long afterSeq, int maxCount) => ReadPageAsync(afterSeq, maxCount, static _ => true);

    private async Task<ClassroomEventPage> ReadPageAsync(long afterSeq, int maxCount, Func<ClassroomEvent, bool> visibleTo)
    {
        RequireExists();
        ClassroomRules.CheckEventRange(afterSeq, maxCount);

        var through = Math.Min(_committedSeq, afterSeq + Math.Min(maxCount, MaxPage));
        if (through <= afterSeq)
        {
            return new ClassroomEventPage(Id, afterSeq, afterSeq, [], false);
        }

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

        var visible = events.Where(visibleTo).ToList();
        return new ClassroomEventPage(Id, afterSeq, through, visible, through < committed);
    }

    /// <summary>The classroom as <paramref name="viewerId"/> may see it now.</summary>
    private ClassroomSnapshot Snapshot(string viewerId) => ClassroomView.Of(Id, _state, viewerId, _options.PresenceThreshold);
}
