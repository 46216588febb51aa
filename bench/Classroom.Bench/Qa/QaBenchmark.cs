using System.Diagnostics;
using System.Text.Json;
using Classroom.Bench.Measurement;
using Classroom.Contracts.Questions;
using Classroom.Search;
using Classroom.Search.KnowledgePoints;

namespace Classroom.Bench.Qa;

/// <summary>
/// The Q&amp;A centre's search at scale: indexes N generated questions with answers (200,000 by default) into one
/// folder index per subject, as the subjects' grains hold them, commits, reopens, then times "similar questions"
/// searches cut from generated questions the way a student types them, against the question's subject.
/// </summary>
internal static class QaBenchmark
{
    private const int Seed = 20261201;
    private const int Batch = 1000;

    // Searches before measuring, so the JIT has optimized the paths a running server would have warm.
    private const int Warmup = 300;
    private static readonly TimeSpan SearchBudget = TimeSpan.FromMinutes(2);

    public static string Run(BenchOptions options)
    {
        var questions = options.Int("questions", 200_000, min: 100, max: 2_000_000);
        var searches = options.Int("searches", 2000, max: 100_000);
        var catalog = KnowledgePointCatalog.Default;
        var generator = new QuestionGenerator(Seed, catalog);
        var directory = Directory.CreateTempSubdirectory("classroom-qa-").FullName;
        var indexes = new Dictionary<string, QuestionIndex>();
        try
        {
            Open(indexes, catalog, directory);
            var indexSeconds = IndexAll(indexes, generator, questions);

            var committed = Stopwatch.StartNew();
            Parallel.ForEach(indexes.Values, index => index.Commit(questions));
            var commitSeconds = committed.Elapsed.TotalSeconds;

            Close(indexes);
            var reopened = Stopwatch.StartNew();
            Open(indexes, catalog, directory);
            var reopenSeconds = reopened.Elapsed.TotalSeconds;
            var held = indexes.Values.Sum(index => index.Count);
            if (held != questions || indexes.Values.Any(index => index.CommittedPosition != questions))
            {
                throw new InvalidOperationException($"The reopened indexes hold {held} of {questions} questions.");
            }

            var measured = Search(indexes, generator, questions, searches);
            return JsonSerializer.Serialize(new QaResult(
                "qa", questions, indexes.Count, Math.Round(indexSeconds, 1), Math.Round(questions / indexSeconds),
                Math.Round(commitSeconds, 2), Math.Round(reopenSeconds, 2),
                Math.Round(new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length) / 1048576.0),
                measured.Searches, Millis(measured.Latency, 0.5), Millis(measured.Latency, 0.9), Millis(measured.Latency, 0.99), Millis(measured.Latency, 1),
                Millis(measured.Cpu, 0.5), Millis(measured.Cpu, 0.99),
                Math.Round((double)measured.Hits / Math.Max(1, measured.Searches), 2), Math.Round((double)measured.Found / Math.Max(1, measured.Findable), 3)),
                BenchJsonContext.Default.QaResult);
        }
        finally
        {
            Close(indexes);
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Generates and indexes the questions in batches, each batch split by subject; returns the seconds taken.</summary>
    private static double IndexAll(Dictionary<string, QuestionIndex> indexes, QuestionGenerator generator, int questions)
    {
        var started = Stopwatch.StartNew();
        Parallel.For(0, (questions + Batch - 1) / Batch, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, batch =>
        {
            var documents = Enumerable.Range(batch * Batch, Math.Min(Batch, questions - batch * Batch)).Select(n => generator.Question(n).Document);
            foreach (var subject in documents.GroupBy(document => document.Subject))
            {
                indexes[subject.Key].Upsert(subject);
            }
        });
        return started.Elapsed.TotalSeconds;
    }

    private static (int Searches, LatencyHistogram Latency, LatencyHistogram Cpu, long Hits, int Findable, int Found) Search(
        Dictionary<string, QuestionIndex> indexes, QuestionGenerator generator, int questions, int searches)
    {
        var random = new Random(Seed);
        var latency = new LatencyHistogram();
        var cpu = new LatencyHistogram();
        var (done, hits, findable, foundSource) = (0, 0L, 0, 0);

        var started = Stopwatch.GetTimestamp();
        for (var i = -Warmup; i < searches && Stopwatch.GetElapsedTime(started) < SearchBudget; i++)
        {
            var source = generator.Question(random.Next(questions));
            var query = new SearchQuery(QueryCut.From(source, random), AnsweredOnly: true, Limit: 10);
            var cpuStarted = ThreadCpu.Now();
            var searchStarted = Stopwatch.GetTimestamp();
            var found = indexes[source.Document.Subject].Search(query);
            var ticks = Stopwatch.GetTimestamp() - searchStarted;
            var cpuTicks = ThreadCpu.Now() - cpuStarted;
            if (i < 0)
            {
                continue;
            }

            latency.Record(ticks);
            cpu.Record(cpuTicks);
            done++;
            hits += found.Count;
            // The question the query was cut from, when an answered-only search may find it: is it among the hits?
            if (source.Document is { Visible: true, Answered: true })
            {
                findable++;
                foundSource += found.Any(hit => hit.Id == source.Document.Id) ? 1 : 0;
            }
        }

        return (done, latency, cpu, hits, findable, foundSource);
    }

    private static double Millis(LatencyHistogram latency, double quantile) => Math.Round(latency.QuantileMicros(quantile) / 1000, 2);

    private static void Open(Dictionary<string, QuestionIndex> indexes, KnowledgePointCatalog catalog, string directory)
    {
        foreach (var subject in catalog.Subjects)
        {
            indexes[subject] = QuestionIndex.Open(Path.Combine(directory, subject));
        }
    }

    private static void Close(Dictionary<string, QuestionIndex> indexes)
    {
        foreach (var index in indexes.Values)
        {
            index.Dispose();
        }

        indexes.Clear();
    }
}

internal sealed record QaResult(
    string Benchmark, int Questions, int Indexes, double IndexSeconds, double IndexedPerSecond, double CommitSeconds, double ReopenSeconds,
    double IndexMb, int Searches, double SearchP50Millis, double SearchP90Millis, double SearchP99Millis, double SearchMaxMillis,
    double SearchCpuP50Millis, double SearchCpuP99Millis,
    double HitsPerSearch, double SourceFoundShare);
