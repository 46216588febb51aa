using Classroom.Contracts.Accounts;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Events;

namespace Classroom.Grains.Classrooms;

public sealed partial class ClassroomState
{
    /// <summary>
    /// Folds one event in. Total: an event was validated before it was written, and nothing here throws, so a log
    /// always rebuilds. Unknown event types only advance <see cref="Seq"/>.
    /// </summary>
    public void Apply(ClassroomEvent e, int chatHistory)
    {
        Seq = e.Seq;
        switch (e.Data)
        {
            case LessonScheduled scheduled:
                Status = ClassroomStatus.Scheduled;
                Preview = scheduled.Preview;
                break;
            case PreviewEdited edited:
                Preview = edited.Preview;
                break;
            case LessonStarted:
                Status = ClassroomStatus.Live;
                StartedAt = e.At;
                AddMarker("Lesson started", MarkerKind.LessonStart, e);
                break;
            case LessonEnded:
                EndLesson(e);
                break;
            case LessonRated rated:
                Ratings[rated.StudentId] = rated;
                break;
            case AssistantAppointed appointed when !Assistants.Contains(appointed.UserId):
                Assistants.Add(appointed.UserId);
                break;
            case AssistantDismissed dismissed:
                Assistants.Remove(dismissed.UserId);
                break;
            case StudentRegistered registered:
                Registered.Add(registered.StudentId);
                break;
            case RegistrationCancelled cancelled:
                Registered.Remove(cancelled.StudentId);
                break;
            case ParticipantJoined joined:
                Join(joined, e.At);
                break;
            case ParticipantLeft left:
                Leave(left, e.At);
                break;
            case ChatPosted posted:
                Post(posted, e.At, chatHistory);
                break;
            case ChatDeleted deleted:
                Messages.RemoveAll(m => m.MessageId == deleted.MessageId);
                break;
            case StudentMuted muted:
                Muted.Add(muted.UserId);
                break;
            case StudentUnmuted unmuted:
                Muted.Remove(unmuted.UserId);
                break;
            case SlowModeChanged slowMode:
                SlowModeSeconds = slowMode.Seconds;
                break;
            case ChatEnabledChanged chat:
                ChatEnabled = chat.Enabled;
                break;
            default:
                ApplyClassActivity(e);
                break;
        }
    }

    private void ApplyClassActivity(ClassroomEvent e)
    {
        switch (e.Data)
        {
            case PollOpened opened:
                Polls.Add(new PollState
                {
                    PollId = opened.PollId, Question = opened.Question, Options = [.. opened.Options], MultipleChoice = opened.MultipleChoice,
                    IsQuiz = opened.IsQuiz, Anonymous = opened.Anonymous, Status = PollStatus.Open, OpenedAt = e.At, ClosesAt = opened.ClosesAt,
                    Counts = new int[opened.Options.Count],
                });
                AddMarker("Poll: " + opened.Question, MarkerKind.PollOpened, e);
                break;
            case QuizAnswerKeySet key when FindPoll(key.PollId) is { } poll:
                poll.CorrectOptions = [.. key.CorrectOptions];
                break;
            case VoteCast vote when FindPoll(vote.PollId) is { } poll && vote.Choices.All(c => c >= 0 && c < poll.Counts.Length):
                poll.Vote(vote.StudentId, vote.Choices);
                break;
            case PollClosed closed when FindPoll(closed.PollId) is { Status: PollStatus.Open } poll:
                poll.Status = PollStatus.Closed;
                AddMarker("Poll closed: " + poll.Question, MarkerKind.PollClosed, e);
                break;
            case PollResultsPublished published when FindPoll(published.PollId) is { } poll:
                poll.Status = PollStatus.Published;
                break;
            case HandRaised raised when !Hands.Contains(raised.StudentId):
                Hands.Add(raised.StudentId);
                break;
            case HandLowered lowered:
                Hands.Remove(lowered.StudentId);
                break;
            case StageInvited invited when !Stage.Contains(invited.StudentId):
                Stage.Add(invited.StudentId);
                Hands.Remove(invited.StudentId);
                break;
            case StageLeft left:
                Stage.Remove(left.StudentId);
                break;
            case MarkerAdded marker:
                AddMarker(marker.Label, MarkerKind.Teacher, e);
                break;
            default:
                Board.Apply(e.Data);
                Media.Apply(e.Data);
                break;
        }
    }

    private void Join(ParticipantJoined joined, DateTimeOffset at)
    {
        if (!Participants.TryGetValue(joined.UserId, out var participant))
        {
            Participants[joined.UserId] = participant = new ParticipantState { FirstJoinedAt = at };
        }

        participant.DisplayName = joined.DisplayName;
        if (!participant.IsPresent)
        {
            participant.PresentSince = at;
            Present++;
        }

        participant.Connections.Add(joined.ConnectionId);
        participant.ConnectionRoles[joined.ConnectionId] = joined.Role;
        participant.RecomputeRole();
    }

    private void Leave(ParticipantLeft left, DateTimeOffset at)
    {
        if (!Participants.TryGetValue(left.UserId, out var participant) || !participant.Connections.Remove(left.ConnectionId))
        {
            return;
        }

        participant.ConnectionRoles.Remove(left.ConnectionId);
        if (participant.IsPresent)
        {
            participant.RecomputeRole();
            return;
        }

        participant.LiveTime += LiveOverlap(participant.PresentSince, at);
        participant.PresentSince = null;
        Present--;
        if (GuestIds.IsGuest(left.UserId))
        {
            // A guest is a visit, not a person the lesson can know again: nothing (attendance, ratings) counts guests,
            // and a weekend's stream of passers-by must not grow the classroom's state and snapshots without bound.
            Participants.Remove(left.UserId);
        }
    }

    private void EndLesson(ClassroomEvent e)
    {
        Status = ClassroomStatus.Ended;
        EndedAt = e.At;
        foreach (var participant in Participants.Values.Where(p => p.IsPresent))
        {
            participant.LiveTime += LiveOverlap(participant.PresentSince, e.At);
            participant.PresentSince = e.At;
        }

        Hands.Clear();
        Stage.Clear();
        // The lesson's end ends a broadcast too, without an event of its own.
        Media.Live = false;
        AddMarker("Lesson ended", MarkerKind.LessonEnd, e);
    }

    /// <summary>The part of [<paramref name="from"/>, <paramref name="to"/>] during which the lesson was live.</summary>
    private TimeSpan LiveOverlap(DateTimeOffset? from, DateTimeOffset to)
    {
        if (from is null || StartedAt is null)
        {
            return TimeSpan.Zero;
        }

        var start = from.Value > StartedAt.Value ? from.Value : StartedAt.Value;
        var end = EndedAt is { } ended && ended < to ? ended : to;
        return end > start ? end - start : TimeSpan.Zero;
    }

    private void Post(ChatPosted posted, DateTimeOffset at, int chatHistory)
    {
        Messages.Add(new ChatMessageView(posted.MessageId, posted.UserId, posted.DisplayName, posted.Role, posted.Text, at));
        if (Messages.Count > chatHistory)
        {
            Messages.RemoveRange(0, Messages.Count - chatHistory);
        }

        LastMessageAt[posted.UserId] = at;
    }

    private void AddMarker(string label, MarkerKind kind, ClassroomEvent e) =>
        Markers.Add(new MarkerView(label, kind, e.At, StartedAt is { } started && e.At > started ? e.At - started : TimeSpan.Zero, e.Seq));
}
