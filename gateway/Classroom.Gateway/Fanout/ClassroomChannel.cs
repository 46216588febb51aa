using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Events;
using Microsoft.AspNetCore.SignalR;

namespace Classroom.Gateway.Fanout;

/// <summary>
/// A classroom as this gateway serves it: one subscription to the classroom grain (<see cref="IClassroomObserver"/>),
/// however many connections watch it. Committed batches pile up between flushes; each flush serializes one frame per
/// audience, once, and offers it to every membership (SignalR writes the same bytes to every connection). Orleans may
/// deliver a classroom's batches out of order, and loses those in flight when the classroom's silo dies: a batch that
/// does not follow on from the last seq taken waits (for <see cref="GapPatience"/>) for the ones before it, and a gap
/// that outlasts that, or a renewal reporting a later committed seq, is filled from the classroom's log. Batches seen
/// already are dropped. The channel is the one owner of its memberships' state: every change to them happens here,
/// under its lock.
/// </summary>
internal sealed partial class ClassroomChannel(string classroomId, IClassroomGrain classroom, ILogger logger) : IClassroomObserver
{
    private const int FillPage = 1000;

    /// <summary>How long a batch that arrived early waits for the ones before it before they are read from the log.</summary>
    public static readonly TimeSpan GapPatience = TimeSpan.FromMilliseconds(200);

    private readonly Lock _lock = new();

    // Batches that arrived ahead of a gap, by first seq; since when the oldest has waited (set by the flush, which knows the time).
    private readonly SortedList<long, ClassroomEventBatch> _early = [];
    private DateTimeOffset? _gapSince;
    private bool _filling;

    // The highest seq the classroom said it had committed (renewals): events up to it are due here.
    private long _knownCommitted;
    private List<ClassroomEvent> _pending = [];

    // Each membership knows its slot, so one leaving is O(1) (a lesson's end removes thousands); flushes iterate a
    // snapshot, rebuilt after the members changed.
    private readonly List<Membership> _members = [];
    private Membership[]? _snapshot;

    // The last seq taken from the stream (or a fill); before any, the lowest seq a member started from.
    private long? _received;
    private long? _floor;

    public string ClassroomId => classroomId;

    /// <summary>This channel as the classroom grain calls it; set once subscribed.</summary>
    public IClassroomObserver? Reference { get; set; }

    /// <summary>Set once the classroom has taken this channel's subscription (renewals keep it).</summary>
    public bool Subscribed { get; set; }

    /// <summary>Set once the last membership left: a joiner that still finds the channel must make a new one.</summary>
    public bool Closed { get; private set; }

    /// <summary>Serializes subscribing and renewing, per classroom: one classroom subscribing holds up no other.</summary>
    public SemaphoreSlim Subscribing { get; } = new(1, 1);

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

    public Task OnCommittedAsync(ClassroomEventBatch item)
    {
        lock (_lock)
        {
            if (item.LastSeq <= _received)
            {
                return Task.CompletedTask;
            }

            if ((_received ?? _floor) is { } after && item.FirstSeq > after + 1)
            {
                _early.TryAdd(item.FirstSeq, item);
                return Task.CompletedTask;
            }

            TakeLocked(item.Events, item.LastSeq);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The classroom says it has committed through <paramref name="committedSeq"/> (a subscription renewed, perhaps with
    /// a new activation after its silo died): whatever of that has not arrived within <see cref="GapPatience"/> is read
    /// from the log.
    /// </summary>
    public void NoteCommitted(long committedSeq)
    {
        lock (_lock)
        {
            _knownCommitted = Math.Max(_knownCommitted, committedSeq);
        }
    }

    private void Take(IReadOnlyList<ClassroomEvent> events, long through)
    {
        lock (_lock)
        {
            TakeLocked(events, through);
        }
    }

    /// <summary>Takes events that continue from the last seq taken, then whatever waited early and now follows on. Caller holds the lock.</summary>
    private void TakeLocked(IReadOnlyList<ClassroomEvent> events, long through)
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
        while (_early.Count > 0 && _early.GetValueAtIndex(0) is var next && next.FirstSeq <= _received + 1)
        {
            _early.RemoveAt(0);
            if (next.LastSeq > _received)
            {
                foreach (var e in next.Events)
                {
                    if (e.Seq > _received)
                    {
                        _pending.Add(e);
                    }
                }

                _received = next.LastSeq;
            }
        }
    }

    /// <summary>
    /// Events are missing (a batch waits early, or the classroom committed more than arrived) for longer than
    /// <see cref="GapPatience"/>: read them from the log. Caller holds the lock.
    /// </summary>
    private void FillOldGap(DateTimeOffset now)
    {
        var after = _received ?? _floor;
        if (_filling || after is null || (_early.Count == 0 && _knownCommitted <= after))
        {
            _gapSince = _filling ? _gapSince : null;
            return;
        }

        _gapSince ??= now;
        if (now - _gapSince < GapPatience)
        {
            return;
        }

        _filling = true;
        StreamGap(logger, classroomId, after.Value + 1, _early.Count > 0 ? _early.GetValueAtIndex(0).FirstSeq - 1 : _knownCommitted);
        _ = FillThenAllowAsync(after.Value);
    }

    private async Task FillThenAllowAsync(long after)
    {
        try
        {
            await FillAsync(after);
        }
        finally
        {
            lock (_lock)
            {
                _filling = false;
                _gapSince = null;
            }
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

    /// <summary>The joined membership's frames flow from after <paramref name="through"/>.</summary>
    public void Activate(Membership membership, long through, bool staff)
    {
        lock (_lock)
        {
            // Until batches arrive, gaps are measured from the lowest seq a member started from.
            if (_received is null)
            {
                _floor = Math.Min(_floor ?? through, through);
            }

            membership.Activate(through, staff);
        }
    }

    /// <summary>A connection joins again: its frames are held until the new join knows where it continues.</summary>
    public void Rejoin(Membership membership)
    {
        lock (_lock)
        {
            membership.Rejoin();
        }
    }

    /// <summary>The membership's viewer emptied its outbox: send the resync notice it owes, if any.</summary>
    public void OnViewerDrained(Membership membership)
    {
        lock (_lock)
        {
            membership.TrySendResync();
        }
    }

    /// <summary>Adds a membership; false once the channel has closed (the caller makes a new channel).</summary>
    public bool TryAdd(Membership membership)
    {
        lock (_lock)
        {
            if (Closed)
            {
                return false;
            }

            membership.Slot = _members.Count;
            _members.Add(membership);
            _snapshot = null;
            return true;
        }
    }

    /// <summary>Removes a membership (again: no change); returns true when it was the last, which closes the channel.</summary>
    public bool Remove(Membership membership)
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

            Closed = _members.Count == 0;
            return Closed;
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
            FillOldGap(now);
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
                OfferInParts(events, members);
                offered = true;
            }

            offered |= _pointers.Count > 0;
            OfferPointersLocked(members);
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

    /// <summary>
    /// Offers the events to every membership, a frame per audience. An appointment or dismissal ends a part: its user's
    /// memberships change standing before the next part is offered, so the events before it go by the old audience and
    /// those after by the new, in the same flush. Caller holds the lock.
    /// </summary>
    private static void OfferInParts(List<ClassroomEvent> events, Membership[] members)
    {
        foreach (var (part, change) in StaffChanges.Parts(events))
        {
            Offer(part, members);
            if (change is { } appointment)
            {
                foreach (var membership in members)
                {
                    if (membership.UserId == appointment.UserId)
                    {
                        membership.ChangeStaff(appointment.Staff);
                    }
                }
            }
        }
    }

    private static void Offer(List<ClassroomEvent> events, Membership[] members)
    {
        var through = events[^1].Seq;
        var everyone = events.Where(e => e.Audience.IsVisibleTo(staff: false)).ToList();
        var staff = events.Where(e => e.Audience.IsVisibleTo(staff: true)).ToList();
        var everyoneFrame = Membership.Frame(everyone, through);
        var staffFrame = staff.Count == everyone.Count ? everyoneFrame : Membership.Frame(staff, through);
        foreach (var membership in members)
        {
            membership.Offer(events, everyoneFrame, staffFrame, through);
        }
    }

    [LoggerMessage(41, LogLevel.Warning, "Classroom {ClassroomId}: seq {From}..{To} did not arrive; filling from the log")]
    private static partial void StreamGap(ILogger logger, string classroomId, long from, long to);

    [LoggerMessage(42, LogLevel.Error, "Classroom {ClassroomId}: filling a gap from the log failed; viewers are told to resync")]
    private static partial void FillFailed(ILogger logger, Exception exception, string classroomId);
}
