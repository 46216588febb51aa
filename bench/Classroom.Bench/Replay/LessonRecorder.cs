using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;

namespace Classroom.Bench.Replay;

/// <summary>
/// Plays a long weekend lesson through the classroom grain on a hand-moved clock: students join, then in rounds of
/// actions at one instant they chat, vote in the poll that is open (one every three minutes, open for ninety seconds),
/// raise and lower hands; the teacher adds a marker every ten minutes.
/// </summary>
internal sealed class LessonRecorder(IClassroomGrain classroom, SteppedClock clock, int studentCount)
{
    private const int ActionsPerRound = 100;
    private static readonly TimeSpan PollEvery = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan PollOpenFor = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan MarkerEvery = TimeSpan.FromMinutes(10);
    private readonly Random _random = new(42);
    private readonly string[] _students = Enumerable.Range(1, studentCount).Select(i => $"student-{i}").ToArray();

    /// <summary>Records the lesson and returns how many events its log holds.</summary>
    public async Task<long> RecordAsync(string teacher, int targetEvents, TimeSpan length)
    {
        var startsAt = clock.GetUtcNow();
        await classroom.ScheduleAsync(teacher, new CoursePreview(
            "Word problems with linear equations", "math", 8, CourseType.Textbook, "Weekend live course", startsAt, length, teacher,
            "https://media.example/vod/saturday-algebra.m3u8"));
        await classroom.StartAsync(teacher);
        await classroom.JoinAsync(new JoinRequest(teacher, "Teacher Wang", AccountKind.Teacher, teacher + "-c"));
        foreach (var batch in _students.Chunk(ActionsPerRound))
        {
            await Task.WhenAll(batch.Select(s => classroom.JoinAsync(new JoinRequest(s, s, AccountKind.Student, s + "-c"))));
        }

        var seq = (await classroom.GetSnapshotAsync(teacher)).Seq;
        // About 3 in 100 actions are refused (a hand already raised): they write nothing.
        var rounds = Math.Max(1, (int)((targetEvents - seq) / (ActionsPerRound * 0.97)));
        var step = length / rounds;
        string? pollId = null;
        var pollNumber = 0;
        for (var round = 0; round < rounds; round++)
        {
            clock.Advance(step);
            var elapsed = clock.GetUtcNow() - startsAt;
            if (pollId is null && elapsed >= PollEvery * (pollNumber + 1))
            {
                pollId = await classroom.CreatePollAsync(teacher, new PollDefinition($"Question {++pollNumber}: how many solutions?", ["0", "1", "2", "infinitely many"]));
            }
            else if (pollId is not null && elapsed >= PollEvery * pollNumber + PollOpenFor)
            {
                await classroom.ClosePollAsync(teacher, pollId);
                await classroom.PublishPollResultsAsync(teacher, pollId);
                pollId = null;
            }

            if ((int)(elapsed / MarkerEvery) > (int)((elapsed - step) / MarkerEvery))
            {
                await classroom.AddMarkerAsync(teacher, $"Part {(int)(elapsed / MarkerEvery) + 1}");
            }

            await Task.WhenAll(Enumerable.Range(0, ActionsPerRound).Select(_ => ActAsync(pollId)));
        }

        clock.Advance(length - step * rounds);
        while ((await classroom.GetSnapshotAsync(teacher)).Seq < targetEvents - 1)
        {
            await Task.WhenAll(Enumerable.Range(0, ActionsPerRound).Select(_ => ActAsync(pollId: null)));
        }

        await classroom.EndAsync(teacher);
        return (await classroom.GetSnapshotAsync(teacher)).Seq;
    }

    private async Task ActAsync(string? pollId)
    {
        var student = _students[_random.Next(_students.Length)];
        var dice = _random.Next(100);
        try
        {
            await (dice switch
            {
                < 45 when pollId is not null => classroom.VoteAsync(student, pollId, [_random.Next(4)]),
                < 97 => classroom.PostChatAsync(student, $"Is it x = {_random.Next(100)}? I moved the {_random.Next(10)} across first."),
                < 99 => classroom.RaiseHandAsync(student),
                _ => classroom.LowerHandAsync(student, student),
            });
        }
        catch (ClassroomException)
        {
            // A hand already raised or not raised: a refusal writes nothing, which a real class does too.
        }
    }
}
