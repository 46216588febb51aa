using Classroom.Contracts.Questions;
using Classroom.Search.Tests.Fixtures;
using static Classroom.Search.Tests.Fixtures.Questions;

namespace Classroom.Search.Tests;

/// <summary>
/// In an index large enough that the first pass leaves common words out of its candidates (more than a thousand
/// documents, words in more than a fifth of them): the rarer words choose the questions, the common ones still rank
/// them, and a query of nothing but common words finds by those.
/// </summary>
public sealed class LargeIndexTests
{
    private const int Drills = 1200;

    private static readonly Lazy<QuestionIndex> Index = new(() =>
    {
        var index = QuestionIndex.Open(null);
        index.Upsert(Enumerable.Range(0, Drills).Select(i =>
            Question($"drill-{i}", $"方程练习题第{i}题", $"解方程{i}x+3={i + 10}，写出过程。", "移项，合并同类项，系数化为1。", minutesAfterMonday: i)));
        index.Upsert(
        [
            Question("chickens", "鸡兔同笼问题用方程怎么解", "笼子里有若干只鸡和兔，从上面数有35个头，从下面数有94只脚，鸡和兔各有几只？", "设鸡x只，2x+4(35-x)=94，x=23。"),
            Question("chickens-adopted", "鸡兔同笼：列方程解", "鸡兔同笼，共有头20个，脚50只，鸡兔各几只？", "设兔x只，4x+2(20-x)=50，x=5。", adopted: true),
            Question("chickens-no-equation", "鸡兔同笼的假设法", "假设全是鸡，脚就少了多少只？", "用假设法算出兔的只数。"),
        ]);
        return index;
    });

    [Fact]
    public void A_rare_word_finds_its_questions_among_many_that_share_the_common_words()
    {
        var ids = Index.Value.IdsFor("鸡兔同笼的方程题");

        // 方程 and 题 are in every drill: they rank the three about 鸡兔同笼 (the two with 方程 first) but add no drills.
        Assert.Equal(["chickens-adopted", "chickens", "chickens-no-equation"], ids);
    }

    [Fact]
    public void A_query_of_nothing_but_common_words_finds_by_them()
    {
        var hits = Index.Value.Search(new SearchQuery("方程练习题", Limit: 5));

        Assert.Equal(5, hits.Count);
        Assert.All(hits, hit => Assert.StartsWith("drill-", hit.Id));
    }

    [Fact]
    public void One_rare_word_among_common_ones_narrows_to_the_questions_holding_it()
    {
        Assert.Equal(["drill-7"], Index.Value.IdsFor("方程练习题第7题"));
    }

    [Fact]
    public void Filters_and_limits_hold_in_a_large_index()
    {
        var hits = Index.Value.Search(new SearchQuery("方程", Limit: 50));

        Assert.Equal(50, hits.Count);
        Assert.Equal(Drills + 3, Index.Value.Count);
        Assert.Empty(Index.Value.Search(new SearchQuery("方程", Kind: SearchKinds.Lesson)));
    }
}
