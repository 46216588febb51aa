using Classroom.Contracts.Events;
using Classroom.Runtime.Streams;
using Microsoft.AspNetCore.SignalR;

namespace Classroom.Gateway.Fanout;

/// <summary>
/// A classroom as this gateway serves it: one stream subscription, however many connections watch it. Committed
/// batches pile up between flushes; each flush serializes one frame per audience, once, and offers it to every
/// membership (SignalR writes the same bytes to every connection).
/// </summary>
internal sealed class ClassroomChannel(string classroomId) : IAsyncObserver<ClassroomEventBatch>
{
    private readonly Lock _lock = new();
    private List<ClassroomEvent> _pending = [];
    private List<Membership> _members = [];

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

    public Task OnNextAsync(ClassroomEventBatch item)
    {
        lock (_lock)
        {
            _pending.AddRange(item.Events);
        }

        return Task.CompletedTask;
    }

    public void Add(Membership membership) => WithLock(() => _members = [.. _members, membership]);

    /// <summary>Removes a membership; returns how many remain.</summary>
    public int Remove(Membership membership)
    {
        lock (_lock)
        {
            _members = _members.Where(m => m != membership).ToList();
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

    /// <summary>Sends what arrived since the last flush; returns the viewers that lagged too long and must go.</summary>
    public IReadOnlyList<Viewer> Flush(DateTimeOffset now, TimeSpan maxWriteStall, TimeSpan slowViewerTimeout)
    {
        lock (_lock)
        {
            foreach (var membership in _members)
            {
                membership.CheckStall(maxWriteStall);
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
                foreach (var membership in _members)
                {
                    membership.Offer(events, everyoneFrame, staffFrame, through);
                }
            }

            List<Viewer>? slow = null;
            foreach (var membership in _members)
            {
                if (membership.LaggingSince is { } since && now - since > slowViewerTimeout)
                {
                    (slow ??= []).Add(membership.Viewer);
                }
            }

            return (IReadOnlyList<Viewer>?)slow ?? [];
        }
    }

    public static bool CanSee(EventAudience audience, bool staff) =>
        audience == EventAudience.Everyone || (staff && audience == EventAudience.Staff);
}
