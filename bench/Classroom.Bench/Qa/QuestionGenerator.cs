using Classroom.Contracts.Questions;
using Classroom.Search.KnowledgePoints;

namespace Classroom.Bench.Qa;

/// <summary>A generated question: what the index holds, and the problem it was made from (queries are cut from it).</summary>
internal sealed record GeneratedQuestion(SearchDocument Document, string Problem);

/// <summary>
/// Realistic Chinese questions with answers, the same for the same number on every run: each is made from a Random
/// seeded with its number, so any one can be made again (to derive a query from it) without keeping 200,000 in memory.
/// Subjects in the platform's proportions, knowledge points from the product's catalogue, textbook objects and
/// problems from <see cref="QaVocabulary"/>.
/// </summary>
internal sealed class QuestionGenerator(int seed, KnowledgePointCatalog catalog)
{
    private static readonly DateTimeOffset FirstAsked = new(2026, 9, 1, 7, 30, 0, TimeSpan.FromHours(8));
    private static readonly int TotalShare = QaVocabulary.Subjects.Sum(subject => subject.Share);

    public GeneratedQuestion Question(int number)
    {
        var random = new Random(unchecked(seed * 1_000_003 + number));
        var vocabulary = PickSubject(random);
        var points = catalog.PointsOf(vocabulary.Subject);
        var point = points[random.Next(points.Count)];
        var knowledgePoints = random.Next(5) == 0 ? new[] { point.Id, points[random.Next(points.Count)].Id }.Distinct().ToArray() : [point.Id];
        var name = Pick(random, QaVocabulary.Names);
        var thing = Pick(random, vocabulary.Objects);
        var kind = Pick(random, QaVocabulary.Kinds);
        var (a, b, c) = (random.Next(2, 60), random.Next(2, 40), random.Next(10, 400));
        var problem = Pick(random, vocabulary.Problems)
            .Replace("{a}", $"{a}").Replace("{b}", $"{b}").Replace("{c}", $"{c}").Replace("{name}", name).Replace("{obj}", thing);

        var title = random.Next(5) switch
        {
            0 => $"{point.Zh}{kind}：{FirstClause(problem)}",
            1 => $"为什么{thing}{Pick(random, vocabulary.Asks)}",
            2 => $"关于{point.Zh}的一道{kind}",
            3 => $"{thing}{Pick(random, vocabulary.Asks)}？",
            _ => $"{FirstClause(problem)}怎么做",
        };
        var trouble = Pick(random, QaVocabulary.Troubles);
        var body = random.Next(3) switch
        {
            0 => $"{problem}{trouble}。",
            1 => $"{name}问：{problem}{trouble}，请老师讲一讲。",
            _ => $"这道题考查{point.Zh}：{problem}{trouble}。",
        };

        var answered = random.Next(100) < 75;
        var adopted = answered && random.Next(100) < 45;
        var answers = answered ? Answer(random, point.Zh, a, b, c) : "";
        var document = new SearchDocument(
            $"{vocabulary.Subject}-{number}", SearchKinds.Question, vocabulary.Subject, Pick(random, vocabulary.Grades), knowledgePoints,
            title, body, answers, answered, adopted, Visible: random.Next(100) >= 2, FirstAsked.AddMinutes(number));
        return new GeneratedQuestion(document, problem);
    }

    private static string Answer(Random random, string point, int a, int b, int c)
    {
        var steps = random.Next(3) switch
        {
            0 => $"第一步，读懂题意，找出已知条件{a}和{b}；第二步，根据{point}的知识列出关系式；第三步，计算得到结果{c}。",
            1 => $"先画出示意图，把已知量{a}、{b}标在图上，再用{point}的方法分析，注意单位要统一，最后求得{c}。",
            _ => $"抓住关键词，把文字语言转化成数学或学科语言。本题中{a}和{b}之间的关系是解题的突破口，得出{c}。",
        };
        var advice = random.Next(2) == 0 ? $"建议复习课本上{point}的例题。" : "做完后要检验答案是否符合题意。";
        return $"这道题考查的是{point}。{steps}答：结果是{c}。{advice}";
    }

    private static SubjectVocabulary PickSubject(Random random)
    {
        var share = random.Next(TotalShare);
        foreach (var subject in QaVocabulary.Subjects)
        {
            if ((share -= subject.Share) < 0)
            {
                return subject;
            }
        }

        return QaVocabulary.Subjects[^1];
    }

    /// <summary>The problem up to its first comma or question mark: what a title quotes of it.</summary>
    private static string FirstClause(string problem)
    {
        var end = problem.IndexOfAny(['，', '？', '。', '：']);
        return end > 4 ? problem[..end] : problem[..Math.Min(problem.Length, 16)];
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
