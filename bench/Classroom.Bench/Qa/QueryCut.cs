namespace Classroom.Bench.Qa;

/// <summary>What a student types while asking a question like a generated one: a similar question's text, not its copy.</summary>
internal static class QueryCut
{
    private static readonly string[] Openings = ["请问", "老师，", "求助：", ""];
    private static readonly string[] Endings = ["怎么做", "怎么解", "不会做", "求解答", ""];

    public static string From(GeneratedQuestion source, Random random)
    {
        var title = source.Document.Title;
        var problem = source.Problem;
        return random.Next(10) switch
        {
            // Still typing the title: its first few characters.
            < 4 => title[..random.Next(Math.Min(4, title.Length), title.Length + 1)],
            // The title in their own words: an opening, the title without its punctuation, an ending.
            < 7 => $"{Pick(random, Openings)}{new string(title.Where(c => !char.IsPunctuation(c)).ToArray())}{Pick(random, Endings)}",
            // Typing the problem itself, from its start or from the middle of it.
            _ => Slice(problem, random),
        };
    }

    private static string Slice(string problem, Random random)
    {
        var start = random.Next(2) == 0 ? 0 : random.Next(problem.Length / 2);
        var length = Math.Min(problem.Length - start, random.Next(8, 25));
        return problem.Substring(start, length);
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
