using Classroom.Contracts.Questions;
using Classroom.Search.Tests.Fixtures;
using static Classroom.Search.Tests.Fixtures.Questions;

namespace Classroom.Search.Tests;

/// <summary>Upserts replace, deletes remove, commits survive a reopen with their position, nothing else does.</summary>
public sealed class IndexLifecycleTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"classroom-search-tests-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void A_new_index_holds_nothing_at_position_0()
    {
        using var index = QuestionIndex.Open(_folder);

        Assert.Equal(0, index.Count);
        Assert.Equal(0, index.CommittedPosition);
        Assert.True(Directory.Exists(_folder));
    }

    [Fact]
    public void The_index_knows_whether_it_holds_a_document_exactly_even_after_a_reopen()
    {
        var asked = Question("q1", "二元一次方程组的解法", "用代入法解方程组。");
        using (var index = QuestionIndex.Open(_folder))
        {
            index.Upsert(asked);
            index.Commit(1);

            Assert.True(index.Holds(asked));
            Assert.False(index.Holds(asked with { Adopted = true }));
            Assert.False(index.Holds(asked with { Answers = "先消去一个未知数。" }));
            Assert.False(index.Holds(asked with { Id = "q2" }));
        }

        using var reopened = QuestionIndex.Open(_folder);
        Assert.True(reopened.Holds(asked));
    }

    [Fact]
    public void An_upsert_replaces_the_document_with_the_same_id()
    {
        using var index = IndexOf(Question("q1", "二元一次方程组的解法", "用代入法解方程组。"));

        index.Upsert(Question("q1", "平行四边形的判定", "两组对边分别相等的四边形是平行四边形吗？", adopted: true));

        Assert.Equal(1, index.Count);
        Assert.Empty(index.IdsFor("二元一次方程组"));
        var hit = Assert.Single(index.Search(new SearchQuery("平行四边形")));
        Assert.Equal(("q1", true), (hit.Id, hit.Adopted));
    }

    [Fact]
    public void The_last_of_a_batch_with_the_same_id_wins()
    {
        using var index = QuestionIndex.Open(null);

        index.Upsert([Question("q1", "二元一次方程组的解法"), Question("q1", "平行四边形的判定")]);

        Assert.Equal(1, index.Count);
        Assert.Equal(["q1"], index.IdsFor("平行四边形"));
        Assert.Empty(index.IdsFor("二元一次方程组"));
    }

    [Fact]
    public void A_delete_removes_the_document()
    {
        using var index = IndexOf(Question("q1", "平行四边形的判定"), Question("q2", "平行四边形的性质"));

        index.Delete("q1");
        index.Delete("never-indexed");

        Assert.Equal(["q2"], index.IdsFor("平行四边形"));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void A_reopened_folder_index_keeps_what_was_committed_and_its_position()
    {
        using (var index = QuestionIndex.Open(_folder))
        {
            index.Upsert([Question("q1", "平行四边形的判定", adopted: true), Question("q2", "平行四边形的性质"), Question("q3", "菱形的性质")]);
            index.Delete("q3");
            index.Commit(42);
            Assert.Equal(42, index.CommittedPosition);
        }

        using var reopened = QuestionIndex.Open(_folder);

        Assert.Equal(42, reopened.CommittedPosition);
        Assert.Equal(2, reopened.Count);
        var hits = reopened.Search(new SearchQuery("平行四边形"));
        Assert.Equal(["q1", "q2"], hits.Ids());
        Assert.Equal([true, false], hits.Select(hit => hit.Adopted));
    }

    [Fact]
    public void Writes_after_the_last_commit_are_not_kept_by_the_folder()
    {
        using (var index = QuestionIndex.Open(_folder))
        {
            index.Upsert(Question("q1", "平行四边形的判定"));
            index.Commit(7);
            index.Upsert(Question("q2", "平行四边形的性质"));
            index.Delete("q1");
        }

        using var reopened = QuestionIndex.Open(_folder);

        Assert.Equal(7, reopened.CommittedPosition);
        Assert.Equal(["q1"], reopened.IdsFor("平行四边形"));
    }

    [Fact]
    public void A_folder_index_closed_before_its_first_commit_reopens_empty()
    {
        using (var index = QuestionIndex.Open(_folder))
        {
            index.Upsert(Question("q1", "平行四边形的判定"));
        }

        using var reopened = QuestionIndex.Open(_folder);

        Assert.Equal((0, 0L), (reopened.Count, reopened.CommittedPosition));
        Assert.Empty(reopened.IdsFor("平行四边形"));
    }

    [Fact]
    public void Each_commit_records_its_own_position()
    {
        using (var index = QuestionIndex.Open(_folder))
        {
            index.Upsert(Question("q1", "平行四边形的判定"));
            index.Commit(7);
            index.Upsert(Question("q2", "平行四边形的性质"));
            index.Commit(8);
        }

        using var reopened = QuestionIndex.Open(_folder);

        Assert.Equal(8, reopened.CommittedPosition);
        Assert.Equal(2, reopened.Count);
    }

    [Fact]
    public void A_negative_position_or_an_empty_id_is_refused_and_nothing_of_its_batch_is_written()
    {
        using var index = QuestionIndex.Open(null);

        Assert.Throws<ArgumentOutOfRangeException>(() => index.Commit(-1));
        Assert.Throws<ArgumentException>(() => index.Upsert([Question("q1", "平行四边形的判定"), Question(" ", "平行四边形的性质")]));
        Assert.Throws<ArgumentException>(() => index.Delete(""));
        Assert.Equal(0, index.Count);
    }
}
