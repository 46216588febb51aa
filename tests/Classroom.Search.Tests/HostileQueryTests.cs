using Classroom.Contracts.Questions;
using Classroom.Search.Tests.Fixtures;
using static Classroom.Search.Tests.Fixtures.Questions;

namespace Classroom.Search.Tests;

/// <summary>Query text is user input: Lucene's syntax in it is just text, and no length or character breaks a search.</summary>
public sealed class HostileQueryTests
{
    private static QuestionIndex Index() => IndexOf(
        Question("q1", "函数 f(x) = x^2 的最小值 [0, 1] 区间", "求 f(x)=x^2 在区间 [0,1] 上的最小值。", "最小值是 f(0) = 0。"),
        Question("q2", "AND OR NOT 在英语里怎么用", "Tom AND Jerry 中 and 的用法", "and 连接两个并列的名词。"));

    [Theory]
    [InlineData("\"((( AND OR * ? ~ ^ : \\ [ ] { }")]
    [InlineData("title:勾股定理 AND body:*")]
    [InlineData("*")]
    [InlineData("?")]
    [InlineData("~2")]
    [InlineData("\\")]
    [InlineData("[0 TO 1]")]
    [InlineData("/正则.*表达式/")]
    [InlineData("\"未闭合的引号")]
    [InlineData("NOT")]
    [InlineData("&& || !")]
    [InlineData("\0\u0001\uFFFF")]
    [InlineData("\uD83D")]
    [InlineData("😀😀 勾股定理 😀")]
    [InlineData("<script>alert(1)</script>")]
    public void Query_syntax_and_odd_characters_in_the_text_do_not_throw(string text)
    {
        using var index = Index();

        var hits = index.Search(new SearchQuery(text, Limit: 50));

        Assert.All(hits, hit => Assert.Contains(hit.Id, new[] { "q1", "q2" }));
    }

    [Fact]
    public void Query_syntax_is_searched_as_words()
    {
        using var index = Index();

        Assert.Equal("q2", index.IdsFor("AND OR")[0]);
        Assert.Equal("q1", index.IdsFor("f(x) = x^2 [0, 1]")[0]);
    }

    [Fact]
    public void A_query_of_10000_characters_does_not_throw_and_still_finds_by_its_start()
    {
        using var index = Index();
        var text = "函数最小值" + string.Concat(Enumerable.Repeat("很长的题目（）*？\"", 1000));

        var hits = index.Search(new SearchQuery(text[..10_000], Limit: 50));

        Assert.Equal("q1", hits[0].Id);
    }

    [Fact]
    public void A_query_cut_at_its_length_limit_never_splits_a_character_in_two()
    {
        using var index = Index();
        var text = new string('题', 199) + "😀😀😀";

        Assert.Empty(index.Search(new SearchQuery(text)));
    }
}
