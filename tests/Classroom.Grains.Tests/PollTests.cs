using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;
using Classroom.Grains.Tests.Fixtures;

namespace Classroom.Grains.Tests;

[Collection(ClassroomCollection.Name)]
public sealed class PollTests(ClassroomFixture fixture)
{
    private static readonly PollDefinition Question = new("What is x if 2x + 3 = 11?", ["3", "4", "5"]);
    private static readonly PollDefinition Quiz = Question with { CorrectOptions = [1] };

    private Lessons Lessons => fixture.Lessons;

    public static TheoryData<string, PollDefinition> BadPolls => new()
    {
        { "2 to 10 options", Question with { Options = ["only one"] } },
        { "2 to 10 options", Question with { Options = Enumerable.Range(0, 11).Select(i => $"{i}").ToList() } },
        { "Each option", Question with { Options = ["3", " "] } },
        { "question", Question with { Question = "" } },
        { "exactly one correct", Question with { CorrectOptions = [0, 1] } },
        { "distinct option numbers", Question with { MultipleChoice = true, CorrectOptions = [0, 0] } },
        { "distinct option numbers", Question with { CorrectOptions = [7] } },
        { "5 to 3600 seconds", Question with { AutoCloseSeconds = 1 } },
    };

    [Theory]
    [MemberData(nameof(BadPolls))]
    public async Task A_bad_poll_is_refused_naming_the_rule(string rule, PollDefinition poll)
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("bad-poll"));

        var error = await Assert.ThrowsAsync<ClassroomValidationException>(() => classroom.CreatePollAsync(Lessons.Teacher, poll));

        Assert.Contains(rule, error.Message);
        Assert.Empty((await classroom.GetSnapshotAsync(Lessons.Teacher)).Polls);
    }

    [Fact]
    public async Task Only_staff_run_polls_and_only_in_a_live_lesson()
    {
        var classroom = await Lessons.ScheduleAsync(Lessons.NewId("poll-rights"));
        await Assert.ThrowsAsync<ClassroomStateException>(() => classroom.CreatePollAsync(Lessons.Teacher, Question));
        await classroom.StartAsync(Lessons.Teacher);
        await Lessons.JoinAsync(classroom, "s1");

        await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.CreatePollAsync("s1", Question));
        var pollId = await classroom.CreatePollAsync(Lessons.Teacher, Question);
        await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.ClosePollAsync("s1", pollId));
        await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.ExportPollAsync("s1", pollId));
    }

    [Fact]
    public async Task One_vote_per_student_a_new_vote_replaces_the_old()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("revote"), "s1", "s2");
        var pollId = await classroom.CreatePollAsync(Lessons.Teacher, Question);

        await classroom.VoteAsync("s1", pollId, [0]);
        await classroom.VoteAsync("s1", pollId, [1]);
        await classroom.VoteAsync("s2", pollId, [1]);

        var poll = Assert.Single((await classroom.GetSnapshotAsync(Lessons.Teacher)).Polls);
        Assert.Equal([0, 2, 0], poll.Counts);
        Assert.Equal(2, poll.Voters);
    }

    [Fact]
    public async Task Bad_choices_viewers_and_closed_polls_are_refused()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("bad-votes"), "s1");
        await Lessons.JoinAsync(classroom, "guest", AccountKind.Guest);
        var single = await classroom.CreatePollAsync(Lessons.Teacher, Question);
        var multiple = await classroom.CreatePollAsync(Lessons.Teacher, Question with { MultipleChoice = true });

        await Assert.ThrowsAsync<ClassroomValidationException>(() => classroom.VoteAsync("s1", single, [0, 1]));
        await Assert.ThrowsAsync<ClassroomValidationException>(() => classroom.VoteAsync("s1", single, [3]));
        await Assert.ThrowsAsync<ClassroomValidationException>(() => classroom.VoteAsync("s1", multiple, []));
        await Assert.ThrowsAsync<ClassroomValidationException>(() => classroom.VoteAsync("s1", multiple, [1, 1]));
        await Assert.ThrowsAsync<ClassroomNotFoundException>(() => classroom.VoteAsync("s1", "p999", [0]));
        Assert.Contains("Viewers", (await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.VoteAsync("guest", single, [0]))).Message);
        await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.VoteAsync(Lessons.Teacher, single, [0]));
        await classroom.VoteAsync("s1", multiple, [0, 2]);

        await classroom.ClosePollAsync(Lessons.Teacher, multiple);
        await Assert.ThrowsAsync<ClassroomStateException>(() => classroom.VoteAsync("s1", multiple, [1]));
        Assert.Equal([1, 0, 1], (await classroom.GetSnapshotAsync("s1")).Polls.Single(p => p.PollId == multiple).Counts);
    }

    [Fact]
    public async Task The_class_gets_no_event_per_vote_and_anonymous_votes_reach_nobody()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("private-votes"), "s1", "s2");
        var named = await classroom.CreatePollAsync(Lessons.Teacher, Question);
        var anonymous = await classroom.CreatePollAsync(Lessons.Teacher, Question with { Anonymous = true });

        await classroom.VoteAsync("s1", named, [0]);
        await classroom.VoteAsync("s1", anonymous, [0]);

        Assert.Empty(await Lessons.EventsOfAsync<VoteCast>(classroom, "s2"));
        Assert.Equal(named, Assert.Single(await Lessons.EventsOfAsync<VoteCast>(classroom)).PollId);
    }

    [Fact]
    public async Task A_quiz_answer_key_stays_with_staff_until_results_are_published()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("quiz"), "s1");
        var pollId = await classroom.CreatePollAsync(Lessons.Teacher, Quiz);
        await classroom.VoteAsync("s1", pollId, [1]);

        Assert.Null((await classroom.GetSnapshotAsync("s1")).Polls[0].CorrectOptions);
        Assert.Empty(await Lessons.EventsOfAsync<QuizAnswerKeySet>(classroom, "s1"));
        Assert.Equal([1], (await classroom.GetSnapshotAsync(Lessons.Teacher)).Polls[0].CorrectOptions);

        await classroom.PublishPollResultsAsync(Lessons.Teacher, pollId);

        var poll = (await classroom.GetSnapshotAsync("s1")).Polls[0];
        Assert.Equal(PollStatus.Published, poll.Status);
        Assert.Equal([1], poll.CorrectOptions!);
        var published = Assert.Single(await Lessons.EventsOfAsync<PollResultsPublished>(classroom, "s1"));
        Assert.Equal([0, 1, 0], published.Counts);
        Assert.Single(await Lessons.EventsOfAsync<PollClosed>(classroom, "s1"));
    }

    [Fact]
    public async Task Export_lists_who_voted_what_unless_the_poll_is_anonymous()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("export"), "s1", "s2");
        var quiz = await classroom.CreatePollAsync(Lessons.Teacher, Quiz);
        var anonymous = await classroom.CreatePollAsync(Lessons.Teacher, Question with { Anonymous = true });
        await classroom.VoteAsync("s1", quiz, [1]);
        await classroom.VoteAsync("s2", quiz, [2]);
        await classroom.VoteAsync("s1", anonymous, [0]);

        var named = await classroom.ExportPollAsync(Lessons.Teacher, quiz);
        var counted = await classroom.ExportPollAsync(Lessons.Teacher, anonymous);

        Assert.Equal(
            [["studentId", "name", "choices", "correct"], ["s1", "Name of s1", "4", "yes"], ["s2", "Name of s2", "5", "no"]],
            named.Rows.Select(r => r.ToArray()).ToArray());
        Assert.Equal(
            [["option", "text", "votes", "correct"], ["0", "3", "1", ""], ["1", "4", "0", ""], ["2", "5", "0", ""]],
            counted.Rows.Select(r => r.ToArray()).ToArray());
    }

    [Fact]
    public async Task Polls_open_and_close_as_chapters_and_ending_the_lesson_closes_open_polls()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("poll-markers"), "s1");
        await classroom.CreatePollAsync(Lessons.Teacher, Question);

        await classroom.EndAsync(Lessons.Teacher);

        var snapshot = await classroom.GetSnapshotAsync("s1");
        Assert.Equal(PollStatus.Closed, snapshot.Polls[0].Status);
        Assert.Equal([MarkerKind.LessonStart, MarkerKind.PollOpened, MarkerKind.PollClosed, MarkerKind.LessonEnd], snapshot.Markers.Select(m => m.Kind));
    }
}

public sealed class ClockedPollTests
{
    [Fact]
    public async Task Tallies_go_out_coalesced_on_the_cadence_never_one_per_vote()
    {
        await using var cluster = await ClassroomCluster.StartAsync();
        var students = Enumerable.Range(1, 40).Select(i => $"s{i}").ToArray();
        var classroom = await new Lessons(cluster).LiveAsync("tally", students);
        var pollId = await classroom.CreatePollAsync(Lessons.Teacher, new PollDefinition("Pick", ["a", "b"]));

        await Task.WhenAll(students.Take(30).Select(s => classroom.VoteAsync(s, pollId, [0])));
        await cluster.AdvanceAsync(TimeSpan.FromMilliseconds(500));
        await Task.WhenAll(students.Skip(30).Select(s => classroom.VoteAsync(s, pollId, [1])));
        await cluster.AdvanceAsync(TimeSpan.FromMilliseconds(500));
        await cluster.AdvanceAsync(TimeSpan.FromMilliseconds(500));

        var tallies = await Lessons.EventsOfAsync<PollTallied>(classroom, "s1");
        Assert.Equal([[30, 0], [30, 10]], tallies.Select(t => t.Counts.ToArray()));
        Assert.Equal([30, 40], tallies.Select(t => t.Voters));
    }

    [Fact]
    public async Task A_poll_with_a_duration_closes_by_itself()
    {
        await using var cluster = await ClassroomCluster.StartAsync();
        var classroom = await new Lessons(cluster).LiveAsync("auto-close", "s1");
        var pollId = await classroom.CreatePollAsync(Lessons.Teacher, new PollDefinition("Ready?", ["yes", "no"], AutoCloseSeconds: 30));
        await classroom.VoteAsync("s1", pollId, [0]);

        await cluster.AdvanceAsync(TimeSpan.FromSeconds(29));
        Assert.Equal(PollStatus.Open, (await classroom.GetSnapshotAsync("s1")).Polls[0].Status);
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(PollStatus.Closed, (await classroom.GetSnapshotAsync("s1")).Polls[0].Status);
        Assert.Equal([1, 0], Assert.Single(await Lessons.EventsOfAsync<PollClosed>(classroom, "s1")).Counts);
    }
}
