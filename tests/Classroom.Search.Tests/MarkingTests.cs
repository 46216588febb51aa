using Classroom.Contracts.Questions;
using Classroom.Search.Tests.Fixtures;
using static Classroom.Search.Tests.Fixtures.Questions;

namespace Classroom.Search.Tests;

/// <summary>Hits carry their title and a snippet as text parts, the query's words marked, never HTML.</summary>
public sealed class MarkingTests
{
    [Theory]
    [InlineData("一元一次方程应用题：甲乙两人相向而行", "一元一次方程应用题")]
    [InlineData("  勾股定理（Pythagorean theorem）的 3 种证明！  ", "勾股定理 证明 pythagorean")]
    [InlineData("ＡＢＣ全角字母与半角abc 勾股定理", "abc 勾股定理")]
    [InlineData("😀 表情 <b>勾股定理</b> & \"引号\"\n换行", "勾股定理 表情")]
    [InlineData("x²+y²=z² 勾股定理", "勾股定理")]
    public void Marked_title_parts_join_back_to_the_title_exactly(string title, string query)
    {
        using var index = IndexOf(Question("q1", title, "正文", "答案"));

        var hit = Assert.Single(index.Search(new SearchQuery(query)));

        Assert.Equal(title, hit.Title.Joined());
        Assert.Contains(hit.Title, part => part.Match);
        Assert.DoesNotContain(hit.Title, part => part.Text.Length == 0);
    }

    [Fact]
    public void The_query_words_are_marked_and_lone_common_characters_are_not()
    {
        using var index = IndexOf(Question("q1", "一元一次方程应用题：一次买了一支笔", "正文"));

        var hit = Assert.Single(index.Search(new SearchQuery("一元一次方程应用题")));

        // 一 | 元 | 一次方程 | 应用题 touch, so they are one mark; the lone 一 of 一次 and 一支 are not marked.
        Assert.Equal(["一元一次方程应用题"], hit.Title.Marked());
        Assert.Equal("一元一次方程应用题：一次买了一支笔", hit.Title.Joined());
    }

    [Fact]
    public void Other_ways_of_saying_a_query_word_are_marked_too()
    {
        using var index = IndexOf(Question("q1", "用一元一次方程解决实际问题", "衣服打八折后卖80元，原价多少？"));

        var hit = Assert.Single(index.Search(new SearchQuery("一次方程应用题")));

        Assert.Equal(["一次方程", "实际问题"], hit.Title.Marked());
    }

    [Fact]
    public void The_snippet_is_the_passage_of_the_body_that_holds_the_query_words_from_the_start_of_its_sentence()
    {
        var body = "这是一道综合题，前面的铺垫很长很长，讲了小明一家周末去公园玩的事情，又讲了公园里的花草树木，还有湖边的小船和亭子。"
                   + "最后问：小船在静水中的速度是每小时8千米，水流速度是每小时2千米，顺水航行30千米要多少小时？"
                   + "后面还有一些无关的话，比如小明回家以后做了作业，吃了晚饭，看了一会儿书，然后就去睡觉了。";
        using var index = IndexOf(Question("q1", "行程问题", body, "30÷(8+2)=3小时。"));

        var hit = Assert.Single(index.Search(new SearchQuery("静水速度 顺水航行")));

        Assert.Equal(TextMarkerEllipsis, hit.Snippet[0].Text);
        Assert.Equal(TextMarkerEllipsis, hit.Snippet[^1].Text);
        var passage = hit.Snippet.Skip(1).SkipLast(1).Joined();
        Assert.StartsWith("最后问：小船在静水中的速度", passage);
        Assert.Contains(passage, body);
        Assert.Equal(80, passage.Length);
        // SmartCn reads 静水速度 in the query as 静 | 水 | 速度 but 静水中 in the text as 静 | 水中: only the lone 静
        // matches there, and a lone character is not marked.
        Assert.Equal(["速度", "速度", "顺水航行"], hit.Snippet.Marked());
    }

    [Fact]
    public void The_snippet_comes_from_the_answers_when_they_hold_more_of_the_query()
    {
        using var index = IndexOf(Question("q1", "一道几何题", "如图，求阴影部分的面积。", "连接AC，用勾股定理求出斜边，再用三角形面积公式。"));

        var hit = Assert.Single(index.Search(new SearchQuery("勾股定理 斜边")));

        Assert.Equal("连接AC，用勾股定理求出斜边，再用三角形面积公式。", hit.Snippet.Joined());
        Assert.Equal(["勾股定理", "斜边"], hit.Snippet.Marked());
    }

    [Fact]
    public void A_hit_found_by_its_knowledge_point_alone_shows_the_start_of_its_body()
    {
        using var index = IndexOf(Question("q1", "直角三角形斜边怎么求", "两条直角边分别是6和8，斜边是多少？", "斜边是10。", ["math.pythagorean-theorem"]));

        var hit = Assert.Single(index.Search(new SearchQuery("勾股定理")));

        Assert.Equal([new TextPart("两条直角边分别是6和8，斜边是多少？", false)], hit.Snippet);
        Assert.Equal([new TextPart("直角三角形斜边怎么求", false)], hit.Title);
        Assert.Equal(["math.pythagorean-theorem"], hit.KnowledgePoints);
    }

    [Fact]
    public void Squares_and_degrees_are_searched_and_marked_where_they_stand()
    {
        using var index = IndexOf(Question("q1", "抛物线y=x²-4x+3与x轴的交点", "∠A=90°，求x²的值。"));

        var hit = Assert.Single(index.Search(new SearchQuery("x²-4x 交点")));

        Assert.Equal("抛物线y=x²-4x+3与x轴的交点", hit.Title.Joined());
        Assert.Equal(["x²", "4x", "交点"], hit.Title.Marked());
        Assert.Equal("∠A=90°，求x²的值。", hit.Snippet.Joined());
    }

    [Fact]
    public void A_hit_carries_what_it_is()
    {
        using var index = IndexOf(Question("q1", "勾股定理的证明", grade: 8, adopted: true, points: ["math.pythagorean-theorem", "math.triangles"]));

        var hit = Assert.Single(index.Search(new SearchQuery("勾股定理")));

        Assert.Equal(("q1", SearchKinds.Question, "math", 8, true), (hit.Id, hit.Kind, hit.Subject, hit.Grade, hit.Adopted));
        Assert.Equal(["math.pythagorean-theorem", "math.triangles"], hit.KnowledgePoints);
        Assert.True(hit.Score > 0);
    }

    private const string TextMarkerEllipsis = "…";
}
