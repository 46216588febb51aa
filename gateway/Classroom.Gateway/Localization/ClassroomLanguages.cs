using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Classroom.Gateway.Localization;

/// <summary>
/// The languages people read the server's messages in: Simplified Chinese (the default, for Beijing's schools) and
/// English. Any Chinese tag (<c>zh</c>, <c>zh-Hans</c>, <c>zh-CN</c>…) means zh-CN and any English one means en.
/// </summary>
public static class ClassroomLanguages
{
    /// <summary>Simplified Chinese, the default.</summary>
    public const string Chinese = "zh-CN";

    /// <summary>English.</summary>
    public const string English = "en";

    /// <summary>The query parameter naming the language (<c>?lang=en</c>), on any request and on the hub's URL.</summary>
    public const string QueryKey = "lang";

    /// <summary>The cookie remembering a person's language (<c>classroom_lang=en</c>).</summary>
    public const string CookieName = "classroom_lang";

    /// <summary>The supported languages, the default first.</summary>
    public static IReadOnlyList<string> Supported { get; } = [Chinese, English];

    /// <summary>The supported language a language tag means, or null if none.</summary>
    public static string? Match(string? tag)
    {
        var value = tag?.Trim() ?? "";
        return Is(value, "zh") ? Chinese : Is(value, "en") ? English : null;
    }

    /// <summary>The language of the request <paramref name="context"/> (decided by the request localization middleware), or the default.</summary>
    public static CultureInfo Of(HttpContext? context) =>
        context?.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.GetCultureInfo(Chinese);

    private static bool Is(string tag, string language) =>
        tag.StartsWith(language, StringComparison.OrdinalIgnoreCase) && (tag.Length == language.Length || tag[language.Length] is '-' or '_');
}
