using System.Text;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;

namespace Classroom.Grains.Classrooms;

/// <summary>Validation of what users send a classroom: each rule refuses bad input with a message a person can act on.</summary>
internal static class ClassroomRules
{
    public static readonly TimeSpan MinDuration = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(8);

    public static void CheckPreview(CoursePreview? preview)
    {
        if (preview is null)
        {
            throw Invalid(Refusals.PreviewRequired);
        }

        CheckText(preview.Title, Phrase.Title, 1, 200);
        CheckText(preview.Subject, Phrase.Subject, 1, 50);
        CheckText(preview.Description ?? "", Phrase.Description, 0, 4000);
        CheckText(preview.TeacherId, Phrase.TeacherId, 1, 100);
        if (preview.Grade is < 1 or > 12)
        {
            throw Invalid(Refusals.PreviewGradeRange, preview.Grade);
        }

        if (!Enum.IsDefined(preview.CourseType))
        {
            throw Invalid(Refusals.PreviewCourseType);
        }

        if (preview.Duration < MinDuration || preview.Duration > MaxDuration)
        {
            throw Invalid(Refusals.PreviewDurationRange, (int)MinDuration.TotalMinutes, (int)MaxDuration.TotalHours);
        }

        if (preview.MediaUrl is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ws" or "wss"))
        {
            throw Invalid(Refusals.PreviewMediaUrl);
        }

        if (preview.Capacity is < 1)
        {
            throw Invalid(Refusals.PreviewCapacityMin);
        }
    }

    /// <summary>Strips control characters (keeping line breaks), trims, and checks the length.</summary>
    public static string CleanChat(string? text, int maxLength)
    {
        var clean = Clean(text, keepLineBreaks: true);
        if (clean.Length == 0)
        {
            throw Invalid(Refusals.ChatEmpty);
        }

        return clean.Length <= maxLength ? clean : throw Invalid(Refusals.ChatTooLong, maxLength, clean.Length);
    }

    public static string CleanName(string? name)
    {
        var clean = Clean(name, keepLineBreaks: false);
        return clean.Length is >= 1 and <= 50 ? clean : throw Invalid(Refusals.InputDisplayNameLength);
    }

    public static string CleanLabel(string? label)
    {
        var clean = Clean(label, keepLineBreaks: false);
        return clean.Length is >= 1 and <= 100 ? clean : throw Invalid(Refusals.MarkerLabelLength);
    }

    public static PollDefinition CleanPoll(PollDefinition? poll)
    {
        if (poll is null)
        {
            throw Invalid(Refusals.PollRequired);
        }

        var question = Clean(poll.Question, keepLineBreaks: true);
        CheckText(question, Phrase.Question, 1, 500);
        var options = (poll.Options ?? []).Select(o => Clean(o, keepLineBreaks: false)).ToList();
        if (options.Count is < 2 or > 10)
        {
            throw Invalid(Refusals.PollOptionCount, options.Count);
        }

        foreach (var option in options)
        {
            CheckText(option, Phrase.Option, 1, 200);
        }

        if (poll.CorrectOptions is { } correct)
        {
            if (correct.Count == 0 || correct.Distinct().Count() != correct.Count || correct.Any(c => c < 0 || c >= options.Count))
            {
                throw Invalid(Refusals.PollQuizCorrectOptions);
            }

            if (!poll.MultipleChoice && correct.Count != 1)
            {
                throw Invalid(Refusals.PollQuizSingleCorrect);
            }
        }

        if (poll.AutoCloseSeconds is < 5 or > 3600)
        {
            throw Invalid(Refusals.PollAutoCloseRange);
        }

        return poll with { Question = question, Options = options };
    }

    public static void CheckChoices(PollState poll, IReadOnlyList<int>? choices)
    {
        if (choices is null || choices.Count == 0)
        {
            throw Invalid(Refusals.VoteNoChoice);
        }

        if (!poll.MultipleChoice && choices.Count != 1)
        {
            throw Invalid(Refusals.VoteSingleChoice);
        }

        if (choices.Distinct().Count() != choices.Count || choices.Any(c => c < 0 || c >= poll.Options.Count))
        {
            throw Invalid(Refusals.VoteChoiceRange, poll.Options.Count - 1);
        }
    }

    public static IReadOnlyList<string> CleanTags(IReadOnlyList<string>? tags)
    {
        var clean = (tags ?? []).Select(t => Clean(t, keepLineBreaks: false).ToLowerInvariant()).Distinct().ToList();
        if (clean.Count > 5 || clean.Any(t => t.Length is < 1 or > 30))
        {
            throw Invalid(Refusals.RatingTags);
        }

        return clean;
    }

    /// <summary>The one check of an event page request, for the live classroom and its replay alike.</summary>
    public static void CheckEventRange(long afterSeq, int maxCount)
    {
        if (afterSeq < 0 || maxCount < 1)
        {
            throw Invalid(Refusals.LessonEventsRange);
        }
    }

    public static void CheckId(string? id, Phrase what)
    {
        if (!ClassroomIdRule.IsValid(id))
        {
            throw Invalid(Refusals.InputIdRequired, what, ClassroomIdRule.MaxLength);
        }
    }

    /// <summary>Refuses <paramref name="text"/> unless it has <paramref name="min"/> to <paramref name="max"/> characters (and, when required, more than white space).</summary>
    public static void CheckText(string? text, Phrase what, int min, int max)
    {
        if (text is null || text.Length < min || text.Length > max || (min > 0 && string.IsNullOrWhiteSpace(text)))
        {
            throw min > 0 ? Invalid(Refusals.InputTextLength, what, min, max) : Invalid(Refusals.InputTextTooLong, what, max);
        }
    }

    /// <summary>User text without control characters (tabs and line breaks become spaces, or line breaks stay), trimmed.</summary>
    public static string Clean(string? text, bool keepLineBreaks)
    {
        if (text is null)
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsControl(c))
            {
                builder.Append(c);
            }
            else if (c == '\n' && keepLineBreaks)
            {
                builder.Append('\n');
            }
            else if (c is '\t' or '\n' or '\r')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Trim();
    }

    private static ClassroomValidationException Invalid(string code, params object?[] arguments) => new(code, arguments);
}
