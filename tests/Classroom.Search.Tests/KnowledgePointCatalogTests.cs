using System.Text;
using Classroom.Search.KnowledgePoints;

namespace Classroom.Search.Tests;

/// <summary>The catalogue the product ships: the nine subjects, 15 to 40 points each, ids that never clash.</summary>
public sealed class KnowledgePointCatalogTests
{
    private static readonly string[] ProductSubjects = ["math", "chinese", "english", "physics", "chemistry", "biology", "history", "geography", "politics"];

    [Fact]
    public void The_catalogue_has_the_products_subjects_math_first()
    {
        Assert.Equal(ProductSubjects, KnowledgePointCatalog.Default.Subjects);
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void Each_subject_has_15_to_40_points_named_in_chinese_and_english(string subject)
    {
        var points = KnowledgePointCatalog.Default.PointsOf(subject);

        Assert.InRange(points.Count, 15, 40);
        Assert.All(points, point =>
        {
            Assert.Equal(subject, point.Subject);
            Assert.StartsWith($"{subject}.", point.Id);
            Assert.Matches("^[a-z]+\\.[a-z0-9]+(-[a-z0-9]+)*$", point.Id);
            Assert.Contains(point.Zh, c => c is >= '\u4e00' and <= '\u9fff');
            Assert.Matches("^[A-Z]", point.En);
        });
        Assert.Equal(points.Count, points.Select(point => point.Zh).Distinct().Count());
    }

    [Fact]
    public void Points_are_found_by_id()
    {
        var point = KnowledgePointCatalog.Default.Find("math.linear-equation-one-variable");

        Assert.NotNull(point);
        Assert.Equal(("math", "一元一次方程", "Linear equations in one variable"), (point.Subject, point.Zh, point.En));
        Assert.Null(KnowledgePointCatalog.Default.Find("math.nothing-like-it"));
        Assert.Empty(KnowledgePointCatalog.Default.PointsOf("astrology"));
        Assert.Equal(KnowledgePointCatalog.Default.Subjects.Sum(subject => KnowledgePointCatalog.Default.PointsOf(subject).Count), KnowledgePointCatalog.Default.All.Count());
    }

    [Theory]
    [InlineData("""{ "math": [ { "id": "math.circles", "zh": "圆", "en": "Circles" }, { "id": "math.circles", "zh": "圆2", "en": "Circles" } ] }""", "appears twice")]
    [InlineData("""{ "math": [ { "id": "physics.force", "zh": "力", "en": "Force" } ] }""", "must be named 'math.<name>'")]
    [InlineData("""{ "math": [ { "id": "math.circles", "zh": " ", "en": "Circles" } ] }""", "lacks its 'zh'")]
    [InlineData("""[ "math" ]""", "must be a JSON object")]
    public void A_catalogue_that_breaks_its_rules_is_refused(string json, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => KnowledgePointCatalog.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains(reason, error.Message);
    }

    public static TheoryData<string> Subjects() => new(ProductSubjects);
}
