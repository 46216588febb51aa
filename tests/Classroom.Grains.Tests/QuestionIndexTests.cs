using Classroom.Contracts.Questions;
using Classroom.Grains.Questions;
using Classroom.Grains.Tests.Fixtures;
using Classroom.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Grains.Tests;

/// <summary>
/// A subject's search index survives its silo: the documents live in the index grain's log, the silo's local copy is a
/// cache committed with the log position it holds.
/// </summary>
public sealed class QuestionIndexTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("classroom-qa-index-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static SearchDocument Question(string id, string title, bool adopted = false) =>
        new(id, SearchKinds.Question, "math", 7, ["math.linear-equation-one-variable"], title, "", "设未知数，列方程，解方程。", true, adopted, true, DateTimeOffset.UnixEpoch);

    private static Task<IReadOnlyList<SearchHit>> SearchAsync(IQuestionIndexGrain index, string text) =>
        index.SearchAsync(new SearchQuery(text));

    [Fact]
    public async Task The_index_is_rebuilt_from_its_log_when_the_silo_restarts_without_a_local_copy()
    {
        await using var cluster = await ClassroomCluster.StartAsync();
        var index = cluster.Client.GetGrain<IQuestionIndexGrain>("math");
        await index.UpsertAsync(Question("q1", "一元一次方程应用题：行程问题"));
        await index.UpsertAsync(Question("q2", "二次函数的图像与性质"));
        await index.UpsertAsync(Question("q1", "一元一次方程应用题：相遇问题"));

        await cluster.RestartAsync();
        var hits = await SearchAsync(cluster.Client.GetGrain<IQuestionIndexGrain>("math"), "相遇问题");

        Assert.Equal(["q1"], hits.Select(h => h.Id));
        Assert.Equal("一元一次方程应用题：相遇问题", string.Concat(hits[0].Title.Select(p => p.Text)));
    }

    [Fact]
    public async Task A_local_copy_is_committed_with_the_log_position_it_holds()
    {
        await using (var cluster = await ClassroomCluster.StartAsync(silo: s => s.Services.Configure<QaOptions>(o => o.IndexDirectory = _folder)))
        {
            var index = cluster.Client.GetGrain<IQuestionIndexGrain>("math");
            await index.UpsertAsync(Question("q1", "一元一次方程应用题：行程问题"));
            await index.UpsertAsync(Question("q2", "二次函数的图像与性质"));
            await index.UpsertAsync(Question("q2", "二次函数的图像与性质"));
        }

        var copy = Assert.Single(Directory.GetDirectories(_folder, "math", SearchOption.AllDirectories));
        using var local = QuestionIndex.Open(copy);

        Assert.Equal(2, local.CommittedPosition); // the unchanged second upsert of q2 was not appended again
        Assert.Equal(2, local.Count);
    }

    [Fact]
    public async Task A_document_the_index_already_holds_is_not_appended_again_after_the_index_reactivates()
    {
        await using var cluster = await ClassroomCluster.StartAsync(silo: s => s.Services.Configure<QaOptions>(o => o.IndexDirectory = _folder));
        var index = cluster.Client.GetGrain<IQuestionIndexGrain>("math");
        var question = Question("q1", "一元一次方程应用题：行程问题");
        await index.UpsertAsync(question);
        await cluster.RestartAsync();

        await cluster.Client.GetGrain<IQuestionIndexGrain>("math").UpsertAsync(question);
        await cluster.Client.GetGrain<IQuestionIndexGrain>("math").UpsertAsync(question with { Adopted = true });

        var log = await cluster.EventLogs.ReadAsync(GrainId.Create("question-index", "math"), "index", 0, 100, default);
        Assert.Equal([false, true], log.Select(e => System.Text.Encoding.UTF8.GetString(e.Payload).Contains("\"adopted\":true", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_local_copy_ahead_of_the_log_is_thrown_away_and_rebuilt()
    {
        await using var cluster = await ClassroomCluster.StartAsync(silo: s => s.Services.Configure<QaOptions>(o => o.IndexDirectory = _folder));
        var index = cluster.Client.GetGrain<IQuestionIndexGrain>("physics");
        await index.UpsertAsync(Question("p1", "浮力：阿基米德原理") with { Subject = "physics" });
        var copy = Assert.Single(Directory.GetDirectories(_folder, "physics", SearchOption.AllDirectories));
        await cluster.RestartAsync();
        using (var stale = QuestionIndex.Open(copy))
        {
            // A copy that claims far more than the log holds, as one left from another database would.
            stale.Upsert(Question("ghost", "不该出现的浮力问题") with { Subject = "physics" });
            stale.Commit(99);
        }

        var hits = await SearchAsync(cluster.Client.GetGrain<IQuestionIndexGrain>("physics"), "浮力");

        Assert.Equal(["p1"], hits.Select(h => h.Id));
        Assert.Equal(copy, Assert.Single(Directory.GetDirectories(_folder, "physics", SearchOption.AllDirectories))); // the restarted silo read this copy
    }
}
