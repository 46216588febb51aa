using System.Globalization;
using System.Text.RegularExpressions;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Text;

namespace Classroom.Gateway.Replay;

/// <summary>
/// Moments of a replay as people write them in links: <c>1h10m5s</c>, <c>70m</c>, <c>4205</c> (seconds, as video sites
/// take them), <c>4205.5s</c>, <c>1:10:05</c> or <c>10:05</c>, also in the full-width characters of a Chinese input
/// method (<c>１：００</c>). Read as milliseconds since the lesson started. Digits are ASCII 0-9 only: other scripts'
/// digits (<c>١٠</c>, <c>৩</c>) are refused like any other text, never handed to a number parser that cannot read them.
/// </summary>
internal static partial class ReplayTime
{
    private const long MaxMillis = 24L * 60 * 60 * 1000;

    public static long ParseMillis(string? text)
    {
        var value = FullWidth.Fold(text ?? "").Trim();
        if (value.StartsWith('-'))
        {
            throw Invalid(Refusals.ReplayMomentNegative, text);
        }

        double? seconds = null;
        if (Units().Match(value) is { Success: true } units && value.Length > 0)
        {
            seconds = Part(units, "h") * 3600 + Part(units, "m") * 60 + Part(units, "s");
        }
        else if (Clock().Match(value) is { Success: true } clock)
        {
            seconds = Part(clock, "h") * 3600 + Part(clock, "m") * 60 + Part(clock, "s");
        }

        if (seconds is not { } total || total * 1000 > MaxMillis)
        {
            throw Invalid(Refusals.ReplayMomentFormat, text);
        }

        return (long)Math.Round(total * 1000);
    }

    private static double Part(Match match, string group) =>
        match.Groups[group].Success ? double.Parse(match.Groups[group].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : 0;

    private static ClassroomValidationException Invalid(string code, string? text) =>
        new(code, text is { Length: > 20 } ? text[..20] + "…" : text ?? "");

    [GeneratedRegex(@"^(?:(?<h>[0-9]{1,2})h)?(?:(?<m>[0-9]{1,4})m)?(?:(?<s>[0-9]{1,5}(?:\.[0-9]{1,3})?)s?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Units();

    [GeneratedRegex(@"^(?:(?<h>[0-9]{1,2}):)?(?<m>[0-9]{1,2}):(?<s>[0-9]{1,2}(?:\.[0-9]{1,3})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();
}
