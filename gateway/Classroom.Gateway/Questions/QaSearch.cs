using Classroom.Contracts.Errors;
using Classroom.Contracts.Questions;

namespace Classroom.Gateway.Questions;

/// <summary>
/// Search over the subjects' indexes: one subject's index when the subject is given (what the ask page does while the
/// student types), else every subject's at once, the hits merged by score.
/// </summary>
internal static class QaSearch
{
    private const int TextMax = 200;

    public static async Task<IReadOnlyList<SearchHit>> SearchAsync(
        string? text, string? subject, string? knowledgePoint, int? grade, string? kind, bool? answeredOnly, int? limit, IClusterClient client)
    {
        if (text?.Length > TextMax)
        {
            throw new ClassroomValidationException(Refusals.InputTextTooLong, Phrase.SearchText, TextMax);
        }

        if (subject is not null && !QaSubjects.IsKnown(subject))
        {
            throw new ClassroomValidationException(Refusals.QaSubjectUnknown, subject);
        }

        var query = new SearchQuery(text?.Trim() ?? "", knowledgePoint, grade, kind, answeredOnly ?? false, Math.Clamp(limit ?? 10, 1, 50));
        if (subject is not null)
        {
            return await client.GetGrain<IQuestionIndexGrain>(subject).SearchAsync(query);
        }

        var each = await Task.WhenAll(QaSubjects.All.Select(s => client.GetGrain<IQuestionIndexGrain>(s).SearchAsync(query)));
        return [.. each.SelectMany(hits => hits).OrderByDescending(h => h.Score).Take(query.Limit)];
    }
}
