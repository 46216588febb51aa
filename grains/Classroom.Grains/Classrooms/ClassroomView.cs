using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Events;

namespace Classroom.Grains.Classrooms;

/// <summary>
/// What one viewer may see of a <see cref="ClassroomState"/>. The live classroom and its replay both show state through
/// this, so a replay at some moment shows exactly what the live lesson showed then.
/// </summary>
internal static class ClassroomView
{
    /// <summary>The classroom <paramref name="classroomId"/> as <paramref name="viewerId"/> may see it.</summary>
    public static ClassroomSnapshot Of(string classroomId, ClassroomState state, string viewerId, int presenceThreshold)
    {
        var staff = state.IsStaff(viewerId);
        var listed = Listed(state, presenceThreshold).Select(p => new ParticipantView(p.Key, p.Value.DisplayName, p.Value.Role)).ToList();
        var polls = state.Polls.Select(p => new PollView(
            p.PollId, p.Question, [.. p.Options], p.MultipleChoice, p.IsQuiz, p.Anonymous, p.Status, [.. p.Counts], p.Voters,
            staff || p.Status == PollStatus.Published ? p.CorrectOptions?.ToList() : null, p.ClosesAt)).ToList();
        return new ClassroomSnapshot(
            classroomId, state.Seq, state.Status, state.Preview, state.StartedAt, state.EndedAt, [.. state.Assistants], state.Registered.Count,
            new PresenceView(state.Present, listed),
            new ChatView(state.ChatEnabled, state.SlowModeSeconds, [.. state.Messages], staff ? [.. state.Muted.Order(StringComparer.Ordinal)] : []),
            polls, [.. state.Hands], [.. state.Stage], [.. state.Markers], state.Board.View(), state.Media.View());
    }

    /// <summary>
    /// The present participants everyone may see: staff, and registered students while the class is at most the
    /// threshold. Above it only staff are looked up, so a join into a class of thousands stays cheap.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, ParticipantState>> Listed(ClassroomState state, int presenceThreshold)
    {
        if (state.Present > presenceThreshold)
        {
            return state.Assistants.Prepend(state.TeacherId ?? "")
                .Select(id => (id, participant: state.FindPresent(id)))
                .Where(p => p.participant is not null)
                .Select(p => KeyValuePair.Create(p.id, p.participant!));
        }

        return state.Participants.Where(p => p.Value.IsPresent && (p.Value.Role is ParticipantRole.Teacher or ParticipantRole.Assistant
            || (p.Value.Role == ParticipantRole.Student && state.Registered.Contains(p.Key))));
    }
}
