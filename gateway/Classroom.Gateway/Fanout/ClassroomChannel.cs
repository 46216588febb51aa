using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Events;
using Classroom.Runtime.Streams;
using Microsoft.AspNetCore.SignalR;

namespace Classroom.Gateway.Fanout;

/// <summary>
/// A classroom as this gateway serves it: one stream subscription, however many connections watch it. Committed
/// batches pile up between flushes; each flush serializes one frame per audience, once, and offers it to every
/// membership (SignalR writes the same bytes to every connection). Batches arrive in seq order; across processes the
/// stream may lose some (a Redis blip), so a batch that does not follow on from the last seq seen here, or a notice
/// that items may be lost, is first filled in from the classroom's log. Batches seen already are dropped.
/// </summary>
internal sealed partial class ClassroomChannel(string classroomId, IClassroomGrain classroom, ILogger logger) : IAsyncObserver<ClassroomEventBatch>
{
    private const int FillPage = 1000;
    private readonly Lock _lock = new();
    private List<ClassroomEvent> _pending = [];

    // Each membership knows its slot, so one leaving is O(1) (a lesson's end removes thousands); flushes iterate a
    // snapshot, rebuilt after the members changed.
    private readonly List<Membership> _members = [];
    private Membership[]? _snapshot;

    // The last seq taken from the stream (or a fill); before any, the lowest seq a member started from.
    private long? _received;
    private long? _floor;

    public string ClassroomId => classroomId;

    public StreamSubscriptionHandle<ClassroomEventBatch>? Subscription { get; set; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _members.Count;
            }
        }
    }

    public async Task OnNextAsync(ClassroomEventBatch item)
    {
        long? last;
        lock (_lock)
        {
            if (item.LastSeq <= _received)
            {
                return;
            }

            last = _received ?? _floor;
        }

        if (last is { } after && item.FirstSeq > after + 1)
        {
            StreamGap(logger, classroomId, after + 1, item.FirstSeq - 1);
            await FillAsync(after);
        }

        Take(item.Events, item.LastSeq);
    }

    /// <summary>The stream says items may have been lost: catch up with the log from the last seq seen here.</summary>
    public async Task OnErrorAsync(Exception error)
    {
        long? last;
        lock (_lock)
        {
            last = _received ?? _floor;
        }

        if (last is { } after)
        {
            await FillAsync(after);
        }
    }

    private void Take(IReadOnlyList<ClassroomEvent> events, long through)
    {
        lock (_lock)
        {
            var after = _received ?? long.MinValue;
            foreach (var e in events)
            {
                if (e.Seq > after)
                {
                    _pending.Add(e);
                }
            }

            _received = Math.Max(after, through);
        }
    }

    /// <summary>Reads what the classroom committed after <paramref name="after"/>; on failure, every viewer is told to resync.</summary>
    private async Task FillAsync(long after)
    {
        try
        {
            while (true)
            {
                var page = await classroom.ReadCommittedAsync(after, FillPage);
                if (page.ThroughSeq > after)
                {
                    Take(page.Events, page.ThroughSeq);
                    after = page.ThroughSeq;
                }

                if (!page.HasMore)
                {
                    return;
                }
            }
        }
        catch (Exception e)
        {
            FillFailed(logger, e, classroomId);
            lock (_lock)
            {
                foreach (var membership in _members)
                {
                    membership.Resync();
                }
            }
        }
    }

    /// <summary>A membership starts from <paramref name="seq"/>: until the stream brings something, gaps are measured from the lowest. Caller holds the lock.</summary>
    public void NoteStart(long seq)
    {
        if (_received is null)
        {
            _floor = Math.Min(_floor ?? seq, seq);
        }
    }

    public void Add(Membership membership)
    {
        lock (_lock)
        {
            membership.Slot = _members.Count;
            _members.Add(membership);
            _snapshot = null;
        }
    }

    /// <summary>Removes a membership (again: no change); returns how many remain.</summary>
    public int Remove(Membership membership)
    {
        lock (_lock)
        {
            var slot = membership.Slot;
            if (slot >= 0 && slot < _members.Count && _members[slot] == membership)
            {
                var last = _members[^1];
                _members[slot] = last;
                last.Slot = slot;
                _members.RemoveAt(_members.Count - 1);
                membership.Slot = -1;
                _snapshot = null;
            }

            return _members.Count;
        }
    }

    public void WithLock(Action action)
    {
        lock (_lock)
        {
            action();
        }
    }

    /// <summary>
    /// Sends what arrived since the last flush: frames are queued under the lock and written after it, on this thread
    /// for every connection that takes them at once. Returns the viewers that lagged too long and must go.
    /// </summary>
    public IReadOnlyList<Viewer> Flush(DateTimeOffset now, TimeSpan maxWriteStall, TimeSpan slowViewerTimeout)
    {
        Membership[] members;
        List<Viewer>? slow = null;
        var offered = false;
        lock (_lock)
        {
            members = _snapshot ??= [.. _members];
            foreach (var membership in members)
            {
                membership.CheckStall(maxWriteStall);
                if (membership.LaggingSince is { } since && now - since > slowViewerTimeout)
                {
                    (slow ??= []).Add(membership.Viewer);
                }
            }

            if (_pending.Count > 0)
            {
                var events = _pending;
                _pending = [];
                var through = events[^1].Seq;
                var everyone = events.Where(e => CanSee(e.Audience, staff: false)).ToList();
                var staff = events.Where(e => CanSee(e.Audience, staff: true)).ToList();
                var everyoneFrame = Membership.Frame(everyone, through);
                var staffFrame = staff.Count == everyone.Count ? everyoneFrame : Membership.Frame(staff, through);
                foreach (var membership in members)
                {
                    membership.Offer(events, everyoneFrame, staffFrame, through);
                }

                offered = true;
            }
        }

        if (offered)
        {
            foreach (var membership in members)
            {
                membership.Viewer.Drain();
            }
        }

        return (IReadOnlyList<Viewer>?)slow ?? [];
    }

    public static bool CanSee(EventAudience audience, bool staff) =>
        audience == EventAudience.Everyone || (staff && audience == EventAudience.Staff);

    [LoggerMessage(41, LogLevel.Warning, "Classroom {ClassroomId}: the stream skipped seq {From}..{To}; filling from the log")]
    private static partial void StreamGap(ILogger logger, string classroomId, long from, long to);

    [LoggerMessage(42, LogLevel.Error, "Classroom {ClassroomId}: filling a gap from the log failed; viewers are told to resync")]
    private static partial void FillFailed(ILogger logger, Exception exception, string classroomId);
}
