namespace Classroom.Contracts.Questions;

/// <summary>The subjects of the Q&amp;A centre, by the codes lessons use too (<c>subject.*</c> in the pages' catalogues).</summary>
public static class QaSubjects
{
    public static readonly IReadOnlyList<string> All =
        ["math", "chinese", "english", "physics", "chemistry", "biology", "history", "geography", "politics"];

    public static bool IsKnown(string? subject) => subject is not null && All.Contains(subject, StringComparer.Ordinal);
}
