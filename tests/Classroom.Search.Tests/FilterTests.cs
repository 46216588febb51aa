using Classroom.Contracts.Questions;
using Classroom.Search.Tests.Fixtures;
using static Classroom.Search.Tests.Fixtures.Questions;

namespace Classroom.Search.Tests;

/// <summary>Knowledge point, grade, kind and answered-only narrow a search exactly; hidden questions never show.</summary>
public sealed class FilterTests
{
    private const string Pythagoras = "math.pythagorean-theorem";
    private const string Triangles = "math.triangles";

    private static QuestionIndex Triangle() => IndexOf(
        Question("p8", "直角三角形的斜边", "直角边是3和4，斜边是多少？", "斜边是5。", [Pythagoras], grade: 8, minutesAfterMonday: 10),
        Question("p8-open", "直角三角形的斜边和面积", "直角边是5和12，斜边和面积各是多少？", answered: false, points: [Pythagoras], grade: 8, minutesAfterMonday: 30),
        Question("t8", "三角形的内角和", "一个直角三角形的一个锐角是30度，另一个锐角是多少度？", "60度。", [Triangles], grade: 8, minutesAfterMonday: 20),
        Question("t7", "三角形三边关系", "直角三角形三边能是1、2、3吗？", "不能，1+2=3。", [Triangles], grade: 7, minutesAfterMonday: 40),
        Question("p8-hidden", "直角三角形斜边求法", "直角边是6和8，斜边是多少？", "斜边是10。", [Pythagoras], grade: 8, visible: false, minutesAfterMonday: 50),
        Lesson("lesson", "勾股定理：直角三角形的斜边", "周六微课：用勾股定理求直角三角形的斜边。", [Pythagoras], grade: 8));

    [Fact]
    public void Without_filters_every_visible_match_is_found()
    {
        using var index = Triangle();

        Assert.Equal(["lesson", "p8", "p8-open", "t7", "t8"], index.IdsFor("直角三角形").Order());
    }

    [Fact]
    public void A_knowledge_point_narrows_to_its_questions()
    {
        using var index = Triangle();

        var hits = index.Search(new SearchQuery("直角三角形", KnowledgePoint: Triangles));

        Assert.Equal(["t7", "t8"], hits.Ids().Order());
        Assert.All(hits, hit => Assert.Equal([Triangles], hit.KnowledgePoints));
    }

    [Fact]
    public void A_grade_narrows_to_that_grade()
    {
        using var index = Triangle();

        Assert.Equal(["t7"], index.Search(new SearchQuery("直角三角形", Grade: 7)).Ids());
        Assert.Empty(index.Search(new SearchQuery("直角三角形", Grade: 9)));
    }

    [Fact]
    public void A_kind_narrows_to_questions_or_to_lessons()
    {
        using var index = Triangle();

        Assert.Equal(["lesson"], index.Search(new SearchQuery("直角三角形", Kind: SearchKinds.Lesson)).Ids());
        Assert.Equal(["p8", "p8-open", "t7", "t8"], index.Search(new SearchQuery("直角三角形", Kind: SearchKinds.Question)).Ids().Order());
        Assert.Empty(index.Search(new SearchQuery("直角三角形", Kind: "podcast")));
    }

    [Fact]
    public void Answered_only_leaves_out_questions_without_answers_but_keeps_lessons()
    {
        using var index = Triangle();

        Assert.Equal(["lesson", "p8", "t7", "t8"], index.Search(new SearchQuery("直角三角形", AnsweredOnly: true)).Ids().Order());
    }

    [Fact]
    public void Filters_combine()
    {
        using var index = Triangle();

        var hits = index.Search(new SearchQuery("斜边", KnowledgePoint: Pythagoras, Grade: 8, Kind: SearchKinds.Question, AnsweredOnly: true));

        Assert.Equal(["p8"], hits.Ids());
    }

    [Fact]
    public void A_hidden_question_is_never_found()
    {
        using var index = Triangle();

        Assert.DoesNotContain("p8-hidden", index.IdsFor("直角边是6和8，斜边是多少？"));
        Assert.DoesNotContain("p8-hidden", index.Search(new SearchQuery("", KnowledgePoint: Pythagoras)).Ids());
        Assert.DoesNotContain("p8-hidden", index.Search(new SearchQuery("斜边", Grade: 8, Kind: SearchKinds.Question)).Ids());
        Assert.Equal(6, index.Count);
    }

    [Fact]
    public void A_question_hidden_after_it_was_found_is_found_no_more()
    {
        using var index = Triangle();
        var original = Question("t7", "三角形三边关系", "直角三角形三边能是1、2、3吗？", "不能，1+2=3。", [Triangles], grade: 7);
        Assert.Contains("t7", index.IdsFor("三边关系"));

        index.Upsert(original with { Visible = false });

        Assert.DoesNotContain("t7", index.IdsFor("三边关系"));
    }

    [Fact]
    public void Empty_text_with_a_knowledge_point_lists_its_questions_newest_first()
    {
        using var index = Triangle();

        var hits = index.Search(new SearchQuery("", KnowledgePoint: Pythagoras, Kind: SearchKinds.Question));

        Assert.Equal(["p8-open", "p8"], hits.Ids());
        Assert.All(hits, hit => Assert.Equal(0f, hit.Score));
    }

    [Fact]
    public void Text_of_nothing_but_punctuation_and_function_words_counts_as_empty()
    {
        using var index = Triangle();

        Assert.Equal(["p8-open", "p8"], index.Search(new SearchQuery("  ？！请问这个是什么呢", KnowledgePoint: Pythagoras, Kind: SearchKinds.Question)).Ids());
        Assert.Empty(index.Search(new SearchQuery("？！请问这个是什么呢")));
    }

    [Fact]
    public void Empty_text_without_a_knowledge_point_or_grade_finds_nothing()
    {
        using var index = Triangle();

        Assert.Empty(index.Search(new SearchQuery("")));
        Assert.Empty(index.Search(new SearchQuery("   ", Kind: SearchKinds.Question, AnsweredOnly: true)));
    }

    [Fact]
    public void The_limit_is_clamped_to_1_through_50()
    {
        using var index = QuestionIndex.Open(null);
        index.Upsert(Enumerable.Range(0, 60).Select(i => Question($"q{i}", $"第{i}道勾股定理练习题", minutesAfterMonday: i)));

        Assert.Single(index.Search(new SearchQuery("勾股定理", Limit: 0)));
        Assert.Single(index.Search(new SearchQuery("勾股定理", Limit: -5)));
        Assert.Equal(3, index.Search(new SearchQuery("勾股定理", Limit: 3)).Count);
        Assert.Equal(50, index.Search(new SearchQuery("勾股定理", Limit: 1000)).Count);
    }
}
