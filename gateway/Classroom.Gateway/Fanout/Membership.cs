using Classroom.Contracts.Events;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Classroom.Gateway.Fanout;

/// <summary>
/// One connection in one classroom. While joining, frames are held back until the join knows from which seq the
/// viewer continues; then frames flow; a viewer that falls behind is told to resync and gets nothing until it rejoins.
/// Only its <see cref="ClassroomChannel"/> changes it, under the channel's lock.
/// </summary>
internal sealed class Membership(ClassroomChannel channel, Viewer viewer, TimeProvider time)
{
    /// <summary>Events held while joining, at most this many; beyond, the joiner is told to resync instead.</summary>
    private const int MaxHeld = 10_000;

    private List<ClassroomEvent>? _held = [];
    private bool _resyncOwed;

    public ClassroomChannel Channel => channel;

    public Viewer Viewer => viewer;

    public MembershipState State { get; private set; } = MembershipState.Joining;

    /// <summary>
    /// Whether staff-only events reach this connection: from the join's answer, then changed by the appointments and
    /// dismissals of its user in the stream (<see cref="StaffChanges"/>), so it never waits for a rejoin.
    /// </summary>
    public bool Staff { get; private set; }

    /// <summary>The connection's user, whose appointment or dismissal changes <see cref="Staff"/>.</summary>
    public string UserId { get; } = viewer.User.UserId;

    /// <summary>The last seq this viewer has been sent or told about.</summary>
    public long Through { get; private set; }

    public DateTimeOffset? LaggingSince { get; private set; }

    /// <summary>Where the channel keeps this membership (-1 once removed). Caller holds the channel lock.</summary>
    public int Slot { get; set; } = -1;

    /// <summary>Frames flow from after <paramref name="through"/>; held events after it are sent now. Caller holds the channel lock.</summary>
    public void Activate(long through, bool staff)
    {
        Staff = staff;
        Through = through;
        if (State == MembershipState.Lagging)
        {
            // Too much arrived while joining and was dropped: the viewer must catch up by rejoining from `through`.
            _resyncOwed = true;
            TrySendResync();
            return;
        }

        State = MembershipState.Live;
        LaggingSince = null;
        _resyncOwed = false;
        var held = _held ?? [];
        _held = null;
        var missed = held.Where(e => e.Seq > through).ToList();
        if (missed.Count > 0)
        {
            // The join answered at `through`: appointments and dismissals after it change what the rest may show.
            var staffNow = staff;
            var visible = StaffChanges.VisibleTo(UserId, ref staffNow, missed);
            Staff = staffNow;
            Deliver(Frame(visible, missed[^1].Seq), missed[^1].Seq);
            viewer.Drain();
        }
    }

    /// <summary>
    /// The classroom appointed or dismissed this membership's user: events after that one are judged by the new standing.
    /// A joiner's standing comes from its join and the events it holds (<see cref="Activate"/>), which overwrite this.
    /// Caller holds the channel lock.
    /// </summary>
    public void ChangeStaff(bool staff) => Staff = staff;

    /// <summary>Rejoining: hold frames again until the join has caught up. Caller holds the channel lock.</summary>
    public void Rejoin()
    {
        State = MembershipState.Joining;
        _held = [];
    }

    /// <summary>A live viewer whose connection has not taken a write for too long falls behind. Caller holds the channel lock.</summary>
    public void CheckStall(TimeSpan maxWriteStall)
    {
        if (State == MembershipState.Live && viewer.IsStalled(maxWriteStall))
        {
            FallBehind();
            viewer.NotifyWhenDrained(this);
        }
    }

    /// <summary>
    /// Takes a committed batch of events, in which only the last may appoint or dismiss someone (the channel splits its
    /// flushes there); the channel drains the viewer afterwards. Caller holds the channel lock.
    /// </summary>
    public void Offer(IReadOnlyList<ClassroomEvent> events, SerializedHubMessage? everyone, SerializedHubMessage? staff, long through)
    {
        switch (State)
        {
            case MembershipState.Joining when _held is not null:
                // Internal events go to nobody: holding them would only fill the joiner's allowance.
                _held.AddRange(events.Where(e => e.Audience != EventAudience.Internal));
                if (_held.Count > MaxHeld)
                {
                    FallBehind();
                }

                break;
            case MembershipState.Live when events[0].Seq > Through:
                Deliver(Staff ? staff : everyone, through);
                break;
            case MembershipState.Live:
                // Just activated from a later seq than this flush starts at: send only what comes after it.
                var newer = events.Where(e => e.Seq > Through && e.Audience.IsVisibleTo(Staff)).ToList();
                Deliver(Frame(newer, through), through);
                break;
        }
    }

    private void Deliver(SerializedHubMessage? frame, long through)
    {
        if (frame is not null && !viewer.TryEnqueue(frame))
        {
            FallBehind();
            viewer.NotifyWhenDrained(this);
            return;
        }

        // Never backwards: a join can answer from a later seq than the classroom's stream has reached here, and the
        // older batches still on their way must not pull the viewer's position back (they would then be sent again).
        Through = Math.Max(Through, through);
    }

    /// <summary>The channel lost events it could not recover: the viewer must rejoin. Caller holds the channel lock.</summary>
    public void Resync()
    {
        // A joiner is told when its join completes (Activate sees it lagging).
        FallBehind();
        TrySendResync();
    }

    private void FallBehind()
    {
        State = MembershipState.Lagging;
        _held = null;
        LaggingSince ??= time.GetUtcNow();
        _resyncOwed = true;
    }

    /// <summary>Sends the owed resync notice, or waits for room in the outbox. Caller holds the channel lock.</summary>
    public void TrySendResync()
    {
        if (!_resyncOwed || State != MembershipState.Lagging)
        {
            return;
        }

        if (viewer.TryEnqueue(new SerializedHubMessage(new InvocationMessage("resync", [channel.ClassroomId, Through]))))
        {
            _resyncOwed = false;
            viewer.Drain();
        }
        else
        {
            viewer.NotifyWhenDrained(this);
        }
    }

    public static SerializedHubMessage? Frame(IReadOnlyList<ClassroomEvent> events, long through) =>
        events.Count == 0 ? null : new SerializedHubMessage(new InvocationMessage("events", [events, through]));
}

/// <summary>Where a membership is.</summary>
internal enum MembershipState
{
    /// <summary>Frames held until the join knows where the viewer continues.</summary>
    Joining,

    /// <summary>Frames flow.</summary>
    Live,

    /// <summary>Fell behind: told to resync, gets nothing until it rejoins.</summary>
    Lagging,
}
