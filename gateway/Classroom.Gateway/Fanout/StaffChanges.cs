using Classroom.Contracts.Events;

namespace Classroom.Gateway.Fanout;

/// <summary>
/// Appointments and dismissals of assistants as the classroom's stream carries them. Whether a connection gets staff-only
/// events changes at the event itself: what comes before it in seq order is judged by the old standing, what comes after
/// by the new one. Every gateway sees the same events in the same order, so every gateway judges alike.
/// </summary>
internal static class StaffChanges
{
    /// <summary>The user <paramref name="e"/> appoints (<c>Staff</c> true) or dismisses (false), if it is one of those.</summary>
    public static (string UserId, bool Staff)? Of(ClassroomEvent e) => e.Data switch
    {
        AssistantAppointed appointed => (appointed.UserId, true),
        AssistantDismissed dismissed => (dismissed.UserId, false),
        _ => null,
    };

    /// <summary>
    /// Splits a flush's events after each appointment or dismissal, so the next part is judged by the new standing:
    /// the parts in order, each with the change it ends with, if any.
    /// </summary>
    public static IEnumerable<(List<ClassroomEvent> Part, (string UserId, bool Staff)? Change)> Parts(List<ClassroomEvent> events)
    {
        var start = 0;
        for (var i = 0; i < events.Count; i++)
        {
            if (Of(events[i]) is { } change)
            {
                yield return (events.GetRange(start, i + 1 - start), change);
                start = i + 1;
            }
        }

        if (start < events.Count)
        {
            yield return (start == 0 ? events : events.GetRange(start, events.Count - start), null);
        }
    }

    /// <summary>Whether <paramref name="userId"/> is staff after <paramref name="events"/>, having been <paramref name="staff"/> before them.</summary>
    public static bool After(bool staff, string userId, IEnumerable<ClassroomEvent> events)
    {
        foreach (var e in events)
        {
            if (Of(e) is { } change && change.UserId == userId)
            {
                staff = change.Staff;
            }
        }

        return staff;
    }

    /// <summary>
    /// The events <paramref name="userId"/> may see, in order, with <paramref name="staff"/> (their standing before the
    /// first) changed as the events change it.
    /// </summary>
    public static List<ClassroomEvent> VisibleTo(string userId, ref bool staff, IEnumerable<ClassroomEvent> events)
    {
        var visible = new List<ClassroomEvent>();
        foreach (var e in events)
        {
            if (e.Audience.IsVisibleTo(staff))
            {
                visible.Add(e);
            }

            if (Of(e) is { } change && change.UserId == userId)
            {
                staff = change.Staff;
            }
        }

        return visible;
    }
}
