using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;

namespace Classroom.Grains.Classrooms;

public sealed partial class ClassroomGrain
{
    public async Task<string> CreatePollAsync(string actorId, PollDefinition poll)
    {
        RequireStaff(actorId, Phrase.RunPolls);
        RequireLive(Phrase.RunPolls);
        var clean = ClassroomRules.CleanPoll(poll);
        var pollId = $"p{_state.Seq + 1}";
        var closesAt = clean.AutoCloseSeconds is { } seconds ? Now.AddSeconds(seconds) : (DateTimeOffset?)null;
        Raise(new PollOpened(pollId, clean.Question, clean.Options, clean.MultipleChoice, clean.CorrectOptions is not null, clean.Anonymous, closesAt));
        if (clean.CorrectOptions is { } correct)
        {
            Raise(new QuizAnswerKeySet(pollId, correct), EventAudience.Staff);
        }

        await CommitAsync();
        return pollId;
    }

    public Task VoteAsync(string studentId, string pollId, IReadOnlyList<int> choices)
    {
        RequireLive(Phrase.Vote);
        RequirePresentStudent(studentId ?? "", Phrase.Vote);
        return VoteAsync(studentId!, FindPoll(pollId), choices);
    }

    public Task VoteAsync(string studentId, string connectionId, string pollId, IReadOnlyList<int> choices)
    {
        RequireLive(Phrase.Vote);
        RequireStudentConnection(studentId, connectionId, Phrase.Vote);
        return VoteAsync(studentId, FindPoll(pollId), choices);
    }

    private async Task VoteAsync(string studentId, PollState poll, IReadOnlyList<int> choices)
    {
        if (poll.Status != PollStatus.Open)
        {
            throw new ClassroomStateException(Refusals.PollClosed);
        }

        ClassroomRules.CheckChoices(poll, choices);
        if (!(poll.Votes.TryGetValue(studentId, out var previous) && previous.SequenceEqual(choices)))
        {
            // Each vote is durable, but the class never hears of it: tallies go out on a cadence (see the cadence timer).
            Raise(new VoteCast(poll.PollId, studentId, [.. choices]), poll.Anonymous ? EventAudience.Internal : EventAudience.Staff);
            _dirtyPolls.Add(poll.PollId);
        }

        await CommitAsync();
    }

    public async Task ClosePollAsync(string actorId, string pollId)
    {
        RequireStaff(actorId, Phrase.ClosePolls);
        var poll = FindPoll(pollId);
        if (poll.Status == PollStatus.Open)
        {
            ClosePoll(poll);
        }

        await CommitAsync();
    }

    public async Task PublishPollResultsAsync(string actorId, string pollId)
    {
        RequireStaff(actorId, Phrase.PublishPollResults);
        var poll = FindPoll(pollId);
        if (poll.Status == PollStatus.Open)
        {
            ClosePoll(poll);
        }

        if (poll.Status != PollStatus.Published)
        {
            Raise(new PollResultsPublished(poll.PollId, [.. poll.Counts], poll.Votes.Count, poll.CorrectOptions));
        }

        await CommitAsync();
    }

    public async Task<PollExport> ExportPollAsync(string actorId, string pollId)
    {
        RequireStaff(actorId, Phrase.ExportPollResults);
        var poll = FindPoll(pollId);
        var export = new PollExport(poll.PollId, poll.Question, poll.Anonymous ? CountRows(poll) : VoterRows(poll));
        await WhenCommitted(_state.Seq);
        return export;
    }

    private void ClosePoll(PollState poll)
    {
        Raise(new PollClosed(poll.PollId, [.. poll.Counts], poll.Votes.Count));
        _dirtyPolls.Remove(poll.PollId);
    }

    private PollState FindPoll(string pollId)
    {
        RequireExists();
        return _state.FindPoll(pollId ?? "") ?? throw new ClassroomNotFoundException(Refusals.PollNotFound, pollId);
    }

    private static List<IReadOnlyList<string>> CountRows(PollState poll)
    {
        List<IReadOnlyList<string>> rows = [["option", "text", "votes", "correct"]];
        for (var i = 0; i < poll.Options.Count; i++)
        {
            rows.Add([i.ToString(System.Globalization.CultureInfo.InvariantCulture), poll.Options[i], poll.Counts[i].ToString(System.Globalization.CultureInfo.InvariantCulture), Correctness(poll, [i])]);
        }

        return rows;
    }

    private List<IReadOnlyList<string>> VoterRows(PollState poll)
    {
        List<IReadOnlyList<string>> rows = [["studentId", "name", "choices", "correct"]];
        foreach (var (studentId, choices) in poll.Votes)
        {
            var name = _state.Participants.GetValueOrDefault(studentId)?.DisplayName ?? "";
            rows.Add([studentId, name, string.Join("; ", choices.Select(c => poll.Options[c])), Correctness(poll, choices)]);
        }

        return rows;
    }

    private static string Correctness(PollState poll, IReadOnlyCollection<int> choices) =>
        poll.CorrectOptions is { } correct ? (correct.Order().SequenceEqual(choices.Order()) ? "yes" : "no") : "";
}
