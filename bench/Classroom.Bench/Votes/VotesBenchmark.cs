using System.Diagnostics;
using System.Text.Json;
using Classroom.Bench.Measurement;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Events;
using Classroom.Silo.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Classroom.Bench.Votes;

/// <summary>
/// The poll burst: every present student of one live lesson votes at once, against the embedded silo (SQLite under a
/// fresh data folder). Measures acknowledgement latency and checks the tally and the log against what was acknowledged.
/// </summary>
internal static class VotesBenchmark
{
    private const string Teacher = "bench-teacher";

    public static async Task<string> RunAsync(BenchOptions options)
    {
        var studentCount = options.Int("students", 10_000, max: 200_000);
        var concurrency = options.Int("concurrency", studentCount, max: studentCount);
        var directory = Directory.CreateTempSubdirectory("classroom-votes-").FullName;
        try
        {
            using var host = await StartSiloAsync(directory);
            var client = host.Services.GetRequiredService<IClusterClient>();
            var classroom = client.GetGrain<IClassroomGrain>("weekend-algebra");
            var students = Enumerable.Range(1, studentCount).Select(i => $"student-{i}").ToArray();
            var pollId = await PrepareLessonAsync(classroom, students);
            var commits = new CommitCounter();
            await classroom.SubscribeAsync(client.CreateObjectReference<IClassroomObserver>(commits));

            var histogram = new LatencyHistogram();
            var started = Stopwatch.GetTimestamp();
            var results = (await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => VoterAsync(classroom, students, pollId, w, concurrency))))
                .SelectMany(r => r).ToList();
            var elapsed = Stopwatch.GetElapsedTime(started);
            foreach (var (ticks, _) in results)
            {
                histogram.Record(ticks);
            }

            var acknowledged = results.Count(r => r.Acknowledged);
            var snapshot = await classroom.GetSnapshotAsync(Teacher);
            var poll = snapshot.Polls.Single();
            var voteCommits = await commits.VoteCommitsThroughAsync(snapshot.Seq);
            var logged = await CountLoggedVotesAsync(classroom);
            await host.StopAsync();
            return JsonSerializer.Serialize(new VotesResult(
                "votes", studentCount, concurrency, acknowledged, Math.Round(elapsed.TotalSeconds, 3), Math.Round(acknowledged / elapsed.TotalSeconds),
                Math.Round(histogram.QuantileMicros(0.5) / 1000, 1), Math.Round(histogram.QuantileMicros(0.99) / 1000, 1), voteCommits,
                poll.Counts.Sum() == acknowledged && poll.Voters == acknowledged, logged == acknowledged), BenchJsonContext.Default.VotesResult);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<IHost> StartSiloAsync(string directory)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Classroom:Silo:DataDirectory"] = directory });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.AddClassroomSilo();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<string> PrepareLessonAsync(IClassroomGrain classroom, string[] students)
    {
        await classroom.ScheduleAsync(Teacher, new CoursePreview(
            "Word problems with linear equations", "math", 8, CourseType.Textbook, "Weekend live course",
            DateTimeOffset.UtcNow, TimeSpan.FromHours(1), Teacher));
        await classroom.StartAsync(Teacher);
        await Task.WhenAll(students.Select(s => classroom.JoinAsync(new JoinRequest(s, s, AccountKind.Student, s + "-c"))));
        return await classroom.CreatePollAsync(Teacher, new PollDefinition("How many solutions?", ["0", "1", "2", "infinitely many"]));
    }

    /// <summary>One of <paramref name="workers"/> callers: votes for every workers-th student, one vote at a time.</summary>
    private static async Task<List<(long Ticks, bool Acknowledged)>> VoterAsync(IClassroomGrain classroom, string[] students, string pollId, int worker, int workers)
    {
        var results = new List<(long, bool)>();
        for (var i = worker; i < students.Length; i += workers)
        {
            results.Add(await VoteAsync(classroom, students[i], pollId, i % 4));
        }

        return results;
    }

    private static async Task<(long Ticks, bool Acknowledged)> VoteAsync(IClassroomGrain classroom, string student, string pollId, int choice)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await classroom.VoteAsync(student, pollId, [choice]);
            return (Stopwatch.GetTimestamp() - start, true);
        }
        catch (Exception)
        {
            return (Stopwatch.GetTimestamp() - start, false);
        }
    }

    private static async Task<int> CountLoggedVotesAsync(IClassroomGrain classroom)
    {
        var voters = new HashSet<string>(StringComparer.Ordinal);
        long after = 0;
        while (true)
        {
            var page = await classroom.GetEventsAsync(Teacher, after, 1000);
            voters.UnionWith(page.Events.Select(e => e.Data).OfType<VoteCast>().Select(v => v.StudentId));
            after = page.ThroughSeq;
            if (!page.HasMore)
            {
                return voters.Count;
            }
        }
    }
}

/// <summary>Counts the commits (batches sent to subscribers) that carried votes; batches may arrive in any order.</summary>
internal sealed class CommitCounter : IClassroomObserver
{
    /// <summary>Nobody draws in this benchmark.</summary>
    public Task OnPointersAsync(string classroomId, IReadOnlyList<Classroom.Contracts.Board.BoardPointer> pointers) => Task.CompletedTask;

    private readonly Lock _lock = new();
    private int _voteCommits;
    private long _lastSeq;
    private (long Seq, TaskCompletionSource Reached)? _waiter;

    public Task OnCommittedAsync(ClassroomEventBatch item)
    {
        TaskCompletionSource? reached = null;
        lock (_lock)
        {
            _voteCommits += item.Events.Any(e => e.Data is VoteCast) ? 1 : 0;
            _lastSeq = Math.Max(_lastSeq, item.LastSeq);
            if (_waiter is { } waiter && waiter.Seq <= _lastSeq)
            {
                reached = waiter.Reached;
                _waiter = null;
            }
        }

        reached?.TrySetResult();
        return Task.CompletedTask;
    }

    public async Task<int> VoteCommitsThroughAsync(long seq)
    {
        Task? wait = null;
        lock (_lock)
        {
            if (_lastSeq < seq)
            {
                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiter = (seq, reached);
                wait = reached.Task;
            }
        }

        if (wait is not null)
        {
            await wait.WaitAsync(TimeSpan.FromSeconds(30));
        }

        lock (_lock)
        {
            return _voteCommits;
        }
    }
}

internal sealed record VotesResult(
    string Benchmark, int Students, int Concurrency, int Acknowledged, double Seconds, double VotesPerSecond,
    double P50Millis, double P99Millis, int Commits, bool TallyExact, bool AllInLog);
