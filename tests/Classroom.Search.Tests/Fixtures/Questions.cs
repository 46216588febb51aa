using Classroom.Contracts.Questions;

namespace Classroom.Search.Tests.Fixtures;

/// <summary>Questions as the Q&amp;A centre indexes them, with what a test does not care about filled in.</summary>
internal static class Questions
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(8));

    public static SearchDocument Question(
        string id,
        string title,
        string body = "",
        string answers = "",
        string[]? points = null,
        int grade = 7,
        bool answered = true,
        bool adopted = false,
        bool visible = true,
        int minutesAfterMonday = 0) =>
        new(id, SearchKinds.Question, "math", grade, points ?? [], title, body, answers, answered || adopted, adopted, visible, Monday.AddMinutes(minutesAfterMonday));

    public static SearchDocument Lesson(string id, string title, string description, string[]? points = null, int grade = 7) =>
        new(id, SearchKinds.Lesson, "math", grade, points ?? [], title, description, "", false, false, true, Monday);

    public static QuestionIndex IndexOf(params SearchDocument[] documents)
    {
        var index = QuestionIndex.Open(null);
        index.Upsert(documents);
        return index;
    }

    public static List<string> Ids(this IEnumerable<SearchHit> hits) => hits.Select(hit => hit.Id).ToList();

    public static List<string> IdsFor(this QuestionIndex index, string text, int limit = 10) => index.Search(new SearchQuery(text, Limit: limit)).Ids();

    public static string Joined(this IEnumerable<TextPart> parts) => string.Concat(parts.Select(part => part.Text));

    public static List<string> Marked(this IEnumerable<TextPart> parts) => parts.Where(part => part.Match).Select(part => part.Text).ToList();
}
