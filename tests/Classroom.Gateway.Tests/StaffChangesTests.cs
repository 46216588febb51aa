using Classroom.Contracts.Events;
using Classroom.Gateway.Fanout;

namespace Classroom.Gateway.Tests;

/// <summary>Within one flush, an appointment or dismissal divides what its user sees by the old standing from what they see by the new.</summary>
public sealed class StaffChangesTests
{
    private static readonly List<ClassroomEvent> Flush =
    [
        Event(1, EventAudience.Staff, new VoteCast("p1", "s1", [0])),
        Event(2, EventAudience.Everyone, new AssistantAppointed("s3")),
        Event(3, EventAudience.Staff, new VoteCast("p1", "s2", [1])),
        Event(4, EventAudience.Everyone, new AssistantDismissed("s3")),
        Event(5, EventAudience.Staff, new QuizAnswerKeySet("p2", [0])),
        Event(6, EventAudience.Everyone, new ChatEnabledChanged(true)),
    ];

    [Fact]
    public void A_flush_is_split_after_each_appointment_and_dismissal()
    {
        var parts = StaffChanges.Parts(Flush).ToList();

        Assert.Equal(new[] { new[] { 1L, 2L }, [3L, 4L], [5L, 6L] }, parts.Select(p => p.Part.Select(e => e.Seq).ToArray()));
        Assert.Equal(new (string, bool)?[] { ("s3", true), ("s3", false), null }, parts.Select(p => p.Change));
    }

    [Fact]
    public void The_user_sees_staff_events_only_between_their_appointment_and_their_dismissal()
    {
        var staff = false;
        var visible = StaffChanges.VisibleTo("s3", ref staff, Flush);

        Assert.Equal([2L, 3L, 4L, 6L], visible.Select(e => e.Seq));
        Assert.False(staff);
        Assert.True(StaffChanges.After(false, "s3", Flush[..3]));
        Assert.True(StaffChanges.After(true, "s2", Flush));
    }

    [Fact]
    public void Someone_elses_appointment_changes_nothing_for_a_user()
    {
        var staff = false;
        var visible = StaffChanges.VisibleTo("s1", ref staff, Flush);

        Assert.Equal([2L, 4L, 6L], visible.Select(e => e.Seq));
        Assert.False(staff);
    }

    private static ClassroomEvent Event(long seq, EventAudience audience, ClassroomEventData data) =>
        new("c1", seq, DateTimeOffset.UnixEpoch.AddSeconds(seq), audience, data);
}
