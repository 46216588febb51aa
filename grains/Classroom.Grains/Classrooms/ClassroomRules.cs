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
            throw Invalid("A course preview is required.");
        }

        CheckText(preview.Title, "The title", 1, 200);
        CheckText(preview.Subject, "The subject", 1, 50);
        CheckText(preview.Description ?? "", "The description", 0, 4000);
        CheckText(preview.TeacherId, "The teacher id", 1, 100);
        if (preview.Grade is < 1 or > 12)
        {
            throw Invalid($"The grade must be from 1 to 12, not {preview.Grade}.");
        }

        if (!Enum.IsDefined(preview.CourseType))
        {
            throw Invalid("The course type must be textbook, topic-review, paper-analysis or interest.");
        }

        if (preview.Duration < MinDuration || preview.Duration > MaxDuration)
        {
            throw Invalid($"A lesson lasts from {MinDuration.TotalMinutes:0} minutes to {MaxDuration.TotalHours:0} hours.");
        }

        if (preview.MediaUrl is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ws" or "wss"))
        {
            throw Invalid("The media URL must be an absolute http(s) or ws(s) address.");
        }

        if (preview.Capacity is < 1)
        {
            throw Invalid("The capacity, when given, must be at least 1.");
        }
    }

    /// <summary>Strips control characters (keeping line breaks), trims, and checks the length.</summary>
    public static string CleanChat(string? text, int maxLength)
    {
        var clean = Clean(text, keepLineBreaks: true);
        if (clean.Length == 0)
        {
            throw Invalid("A chat message cannot be empty.");
        }

        return clean.Length <= maxLength ? clean : throw Invalid($"A chat message has at most {maxLength} characters; this one has {clean.Length}.");
    }

    public static string CleanName(string? name)
    {
        var clean = Clean(name, keepLineBreaks: false);
        return clean.Length is >= 1 and <= 50 ? clean : throw Invalid("A display name has 1 to 50 characters.");
    }

    public static string CleanLabel(string? label)
    {
        var clean = Clean(label, keepLineBreaks: false);
        return clean.Length is >= 1 and <= 100 ? clean : throw Invalid("A marker label has 1 to 100 characters.");
    }

    public static PollDefinition CleanPoll(PollDefinition? poll)
    {
        if (poll is null)
        {
            throw Invalid("A poll definition is required.");
        }

        var question = Clean(poll.Question, keepLineBreaks: true);
        CheckText(question, "The question", 1, 500);
        var options = (poll.Options ?? []).Select(o => Clean(o, keepLineBreaks: false)).ToList();
        if (options.Count is < 2 or > 10)
        {
            throw Invalid($"A poll has 2 to 10 options, not {options.Count}.");
        }

        foreach (var option in options)
        {
            CheckText(option, "Each option", 1, 200);
        }

        if (poll.CorrectOptions is { } correct)
        {
            if (correct.Count == 0 || correct.Distinct().Count() != correct.Count || correct.Any(c => c < 0 || c >= options.Count))
            {
                throw Invalid("A quiz's correct options are distinct option numbers, at least one.");
            }

            if (!poll.MultipleChoice && correct.Count != 1)
            {
                throw Invalid("A single-choice quiz has exactly one correct option.");
            }
        }

        if (poll.AutoCloseSeconds is < 5 or > 3600)
        {
            throw Invalid("A poll closes by itself after 5 to 3600 seconds.");
        }

        return poll with { Question = question, Options = options };
    }

    public static void CheckChoices(PollState poll, IReadOnlyList<int>? choices)
    {
        if (choices is null || choices.Count == 0)
        {
            throw Invalid("Choose at least one option.");
        }

        if (!poll.MultipleChoice && choices.Count != 1)
        {
            throw Invalid("This poll takes exactly one choice.");
        }

        if (choices.Distinct().Count() != choices.Count || choices.Any(c => c < 0 || c >= poll.Options.Count))
        {
            throw Invalid($"Choices are distinct option numbers from 0 to {poll.Options.Count - 1}.");
        }
    }

    public static IReadOnlyList<string> CleanTags(IReadOnlyList<string>? tags)
    {
        var clean = (tags ?? []).Select(t => Clean(t, keepLineBreaks: false).ToLowerInvariant()).Distinct().ToList();
        if (clean.Count > 5 || clean.Any(t => t.Length is < 1 or > 30))
        {
            throw Invalid("Give at most 5 style tags of 1 to 30 characters each.");
        }

        return clean;
    }

    /// <summary>The one check of an event page request, for the live classroom and its replay alike.</summary>
    public static void CheckEventRange(long afterSeq, int maxCount)
    {
        if (afterSeq < 0 || maxCount < 1)
        {
            throw new ClassroomValidationException("Events are asked for after a sequence number of 0 or more, at least one at a time.");
        }
    }

    public static void CheckId(string? id, string what)
    {
        if (!ClassroomIdRule.IsValid(id))
        {
            throw Invalid($"{what} is required (at most {ClassroomIdRule.MaxLength} characters).");
        }
    }

    private static void CheckText(string? text, string what, int min, int max)
    {
        if (text is null || text.Length < min || text.Length > max || (min > 0 && string.IsNullOrWhiteSpace(text)))
        {
            throw Invalid(min > 0 ? $"{what} must have {min} to {max} characters." : $"{what} has at most {max} characters.");
        }
    }

    private static string Clean(string? text, bool keepLineBreaks)
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

    private static ClassroomValidationException Invalid(string message) => new(message);
}
