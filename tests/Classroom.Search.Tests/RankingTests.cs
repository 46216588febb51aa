using Classroom.Contracts.Questions;
using Classroom.Search.Tests.Fixtures;
using static Classroom.Search.Tests.Fixtures.Questions;

namespace Classroom.Search.Tests;

/// <summary>What comes first: the questions a student means, found by Chinese words rather than shared characters.</summary>
public sealed class RankingTests
{
    private const string LinearEquation = "math.linear-equation-one-variable";
    private const string QuadraticEquation = "math.quadratic-equations";
    private const string LinearFunction = "math.linear-functions";
    private const string RationalNumbers = "math.rational-numbers";

    private static readonly SearchDocument[] Mixed =
    [
        Question("journey", "一元一次方程应用题：甲乙两人相向而行", "甲乙两人从相距36千米的两地同时出发，相向而行，甲每小时走5千米，乙每小时走7千米，几小时后两人相遇？", "设x小时后相遇，5x+7x=36，x=3。", [LinearEquation]),
        Question("work", "列一元一次方程解工程问题", "一项工程，甲单独做要10天完成，乙单独做要15天完成，两人合做几天完成？", "设合做x天，x/10+x/15=1，x=6。", [LinearEquation]),
        Question("shopping", "用方程解购物应用题", "小明买了3支笔和2本本子，一共花了16元，本子每本5元，笔每支多少元？", "设笔每支x元，3x+10=16，x=2。", [LinearEquation]),
        Question("quadratic", "一元二次方程根的判别式", "方程x²-4x+m=0有两个相等的实数根，求m的值。", "判别式16-4m=0，m=4。", [QuadraticEquation], grade: 9),
        Question("function", "一次函数的图像经过第一象限吗", "一次函数y=2x-1的图像经过哪几个象限？", "经过第一、三、四象限。", [LinearFunction], grade: 8),
        Question("opposite", "一个数的相反数等于它本身", "一个数的相反数等于它本身，这个数是几？", "0的相反数是0。", [RationalNumbers]),
        Question("one-yuan", "一元钱能买几个苹果", "苹果每个5角，一元钱能买几个？", "一元等于10角，能买2个。", [RationalNumbers]),
    ];

    [Fact]
    public void A_query_about_linear_equation_word_problems_ranks_them_above_questions_that_merely_share_the_character_一()
    {
        using var index = IndexOf(Mixed);

        var ids = index.IdsFor("一元一次方程应用题");

        // The three word problems first; then what shares 一元 (quadratic, one-yuan) or 一 (function). In "一个数的相反数"
        // 一个 is one word, so that question shares no word with the query at all.
        Assert.Equal(["journey", "shopping", "work"], ids.Take(3).Order());
        Assert.Equal(["journey", "shopping", "work", "quadratic", "one-yuan", "function"], ids);
    }

    [Fact]
    public void The_question_that_says_it_exactly_ranks_first()
    {
        using var index = IndexOf(Mixed);

        Assert.Equal("journey", index.IdsFor("一元一次方程应用题")[0]);
        Assert.Equal("quadratic", index.IdsFor("一元二次方程判别式")[0]);
    }

    [Fact]
    public void A_question_is_found_by_its_knowledge_points_name_though_its_text_never_says_it()
    {
        using var index = IndexOf(
            Question("triangle", "直角三角形斜边怎么求", "两条直角边分别是6和8，斜边是多少？", "6²+8²=100，斜边是10。", ["math.pythagorean-theorem"]),
            Question("area", "三角形面积怎么求", "底是6，高是8，面积是多少？", "6×8÷2=24。", ["math.triangles"]));

        Assert.Equal(["triangle"], index.IdsFor("勾股定理"));
        Assert.Equal(["triangle"], index.IdsFor("Pythagorean theorem"));
    }

    [Fact]
    public void A_question_put_in_other_words_finds_the_same_question()
    {
        using var index = IndexOf(
            Question("formula", "已知两点求一次函数的解析式", "一次函数的图像经过(1,3)和(2,5)，求它的解析式。", "设y=kx+b，k=2，b=1，所以y=2x+1。", [LinearFunction], grade: 8),
            Question("graph", "一次函数的图像怎么画", "画出y=2x+1的图像。", "取两点(0,1)和(1,3)连线。", [LinearFunction], grade: 8),
            Question("real", "用一元一次方程解决实际问题", "一件衣服打八折后卖80元，原价是多少元？", "设原价x元，0.8x=80，x=100。", [LinearEquation]),
            Question("solve", "一元一次方程的解法", "解方程3x+2=11。", "移项得3x=9，x=3。", [LinearEquation]));

        Assert.Equal("formula", index.IdsFor("怎样求一次函数的表达式")[0]);
        Assert.Equal("real", index.IdsFor("一元一次方程应用题")[0]);
    }

    [Fact]
    public void An_adopted_question_ranks_first_among_comparable_matches_whichever_was_indexed_first()
    {
        var plain = Question("plain", "勾股定理的证明方法", "怎样用拼图证明勾股定理？", "用四个全等的直角三角形拼成正方形。", ["math.pythagorean-theorem"], grade: 8);
        var adopted = Question("adopted", "勾股定理的证明思路", "怎样用面积法证明勾股定理？", "用四个全等的直角三角形拼成正方形。", ["math.pythagorean-theorem"], grade: 8, adopted: true);

        using var adoptedFirst = IndexOf(adopted, plain);
        using var adoptedLast = IndexOf(plain, adopted);

        Assert.Equal(["adopted", "plain"], adoptedFirst.IdsFor("勾股定理的证明"));
        Assert.Equal(["adopted", "plain"], adoptedLast.IdsFor("勾股定理的证明"));
        Assert.Equal(["plain", "adopted"], IndexOf(plain, adopted with { Adopted = false }).IdsFor("勾股定理的证明方法"));
    }

    [Fact]
    public void A_clearly_better_match_ranks_above_an_adopted_question_that_is_barely_related()
    {
        using var index = IndexOf(
            Question("barely", "一元二次方程根的判别式", "方程x²-4x+m=0有两个相等的实数根，求m的值。", "判别式16-4m=0，m=4。", [QuadraticEquation], grade: 9, adopted: true),
            Question("exact", "一元一次方程应用题：甲乙两人相向而行", "甲乙两人相距36千米，相向而行，几小时后相遇？", "设x小时后相遇，5x+7x=36，x=3。", [LinearEquation]));

        var hits = index.Search(new SearchQuery("一元一次方程应用题"));

        Assert.Equal(["exact", "barely"], hits.Ids());
        Assert.True(hits[1].Adopted);
    }

    [Fact]
    public void Words_said_together_in_the_query_must_stand_together_in_one_field()
    {
        // 实际问题 is one of the ways of saying 应用题, matched as a phrase: here 实际 is in the title, 问题 in the body.
        using var apart = IndexOf(Question("apart", "实际生活中的数学", "这个问题我想不明白。"));
        using var together = IndexOf(Question("apart", "实际生活中的数学", "这个问题我想不明白。"), Question("together", "用方程解决实际问题"));

        Assert.Empty(apart.IdsFor("实际问题"));
        Assert.Equal(["together"], together.IdsFor("实际问题"));
    }

    [Fact]
    public void Title_words_weigh_more_than_the_same_words_in_an_answer()
    {
        using var index = IndexOf(
            Question("in-answer", "一道关于速度的题", "汽车2小时行驶了120千米。", "这是匀速直线运动，速度是60千米每小时。"),
            Question("in-title", "匀速直线运动的速度怎么算", "汽车2小时行驶了120千米。", "120÷2=60千米每小时。"));

        Assert.Equal(["in-title", "in-answer"], index.IdsFor("匀速直线运动"));
    }
}
