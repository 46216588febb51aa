using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Questions;
using Classroom.Grains.Classrooms;

namespace Classroom.Grains.Questions;

/// <summary>What a question, an answer and the smaller inputs must look like; each failure names its rule.</summary>
internal static class QuestionRules
{
    public static QuestionDraft Checked(QuestionDraft draft, QaOptions o)
    {
        if (draft is null)
        {
            throw new ClassroomValidationException(Refusals.InputTextLength, Phrase.Title, o.TitleMin, o.TitleMax);
        }

        var points = CheckedTopic(draft.Subject, draft.Grade, draft.KnowledgePoints, o.KnowledgePointsMax);

        var photos = (draft.PhotoIds ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (photos.Count > o.PhotosMax || photos.Any(string.IsNullOrWhiteSpace))
        {
            throw new ClassroomValidationException(Refusals.QaPhotos, o.PhotosMax);
        }

        return new QuestionDraft(
            draft.Subject, draft.Grade, points,
            Text(draft.Title, Phrase.Title, o.TitleMin, o.TitleMax),
            Text(draft.Text ?? "", Phrase.QuestionText, 0, o.TextMax),
            photos);
    }

    /// <summary>
    /// A subject of the catalogue, a grade 1-12 and 1 to <paramref name="pointsMax"/> knowledge point ids (trimmed, each
    /// once), as questions and micro-lessons are filed; whether the points are the subject's the catalogue grain says.
    /// </summary>
    public static List<string> CheckedTopic(string? subject, int grade, IReadOnlyList<string>? knowledgePoints, int pointsMax)
    {
        if (!QaSubjects.IsKnown(subject))
        {
            throw new ClassroomValidationException(Refusals.QaSubjectUnknown, subject ?? "");
        }

        if (grade is < 1 or > 12)
        {
            throw new ClassroomValidationException(Refusals.QaGradeRange);
        }

        var points = (knowledgePoints ?? []).Select(p => p?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (points.Count is 0 || points.Count > pointsMax || points.Any(p => p.Length is 0 or > 100))
        {
            throw new ClassroomValidationException(Refusals.QaKnowledgePointCount, pointsMax);
        }

        return points;
    }

    public static AnswerDraft Checked(AnswerDraft answer, QaOptions o)
    {
        if (answer?.Steps is null || answer.Steps.Count is 0 || answer.Steps.Count > o.StepsMax)
        {
            throw new ClassroomValidationException(Refusals.QaStepCount, o.StepsMax);
        }

        var resources = answer.Resources ?? [];
        if (resources.Count > o.ResourcesMax)
        {
            throw new ClassroomValidationException(Refusals.QaResourceCount, o.ResourcesMax);
        }

        return new AnswerDraft(
            Text(answer.Reasoning ?? "", Phrase.Reasoning, 0, o.ReasoningMax),
            [.. answer.Steps.Select(step => Text(step, Phrase.Step, 1, o.StepMax))],
            Text(answer.FinalAnswer, Phrase.FinalAnswer, 1, o.FinalAnswerMax),
            [.. resources.Select(r => Checked(r, o))]);
    }

    private static ResourceLink Checked(ResourceLink? resource, QaOptions o)
    {
        if (resource is null || resource.AtMillis < 0 || !ClassroomIdRule.IsValid(resource.LessonId))
        {
            throw new ClassroomValidationException(Refusals.QaResourceInvalid);
        }

        return resource with { Title = Text(resource.Title, Phrase.ResourceTitle, 1, o.ResourceTitleMax) };
    }

    public static int CheckedStars(int stars) =>
        stars is >= 1 and <= 5 ? stars : throw new ClassroomValidationException(Refusals.QaStars);

    /// <summary>
    /// <paramref name="text"/> cleaned as the classroom cleans user text (no control characters; line breaks kept),
    /// refused unless it has <paramref name="min"/> to <paramref name="max"/> characters.
    /// </summary>
    public static string Text(string? text, Phrase field, int min, int max)
    {
        var clean = ClassroomRules.Clean(text, keepLineBreaks: true);
        ClassroomRules.CheckText(clean, field, min, max);
        return clean;
    }
}
