using System.Globalization;
using System.Resources;

namespace Classroom.Contracts.Errors;

/// <summary>
/// The refusal catalogue: <c>RefusalTexts.resx</c> (English, the neutral language) and <c>RefusalTexts.zh-CN.resx</c>,
/// keyed by the codes of <see cref="Refusals"/> and <see cref="Phrase"/>. The gateway reads it through
/// <c>IStringLocalizer&lt;RefusalTexts&gt;</c> in the caller's language.
/// </summary>
/// <remarks>
/// It lives in the contracts rather than the gateway because grains make refusals too, and an exception's
/// <see cref="Exception.Message"/> stays English for logs and programs: grains and the gateway must read the same
/// English entries, and the contracts are the one assembly both reference. It uses the BCL's resources only, so the
/// contracts still depend on nothing but Orleans' abstractions.
/// </remarks>
public sealed class RefusalTexts
{
    private static readonly ResourceManager Resources = new(typeof(RefusalTexts).FullName!, typeof(RefusalTexts).Assembly);

    private RefusalTexts()
    {
    }

    /// <summary>The English sentence of refusal <paramref name="code"/> with its <paramref name="arguments"/>.</summary>
    public static string English(string code, IReadOnlyList<RefusalArgument> arguments) =>
        Format(key => Resources.GetString(key, CultureInfo.InvariantCulture), code, arguments);

    /// <summary>
    /// The sentence of refusal <paramref name="code"/>: its catalogue entry (from <paramref name="lookup"/>, which
    /// answers null for a key it lacks) with the arguments put in, phrases looked up the same way. A code the catalogue
    /// lacks is said as the code itself, so a missing entry shows rather than hides the refusal.
    /// </summary>
    public static string Format(Func<string, string?> lookup, string code, IReadOnlyList<RefusalArgument> arguments)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var format = lookup(code) ?? code;
        if (arguments.Count == 0)
        {
            return format;
        }

        var values = arguments.Select(a => a.IsPhrase ? lookup(a.Value) ?? a.Value : a.Value).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, format, values);
    }
}
