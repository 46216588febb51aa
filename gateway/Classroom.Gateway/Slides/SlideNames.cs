using System.Globalization;
using System.Text;

namespace Classroom.Gateway.Slides;

/// <summary>
/// A deck's name, from the file name a browser sent: the last part of any path, without control, format (bidirectional
/// overrides that would show "fdp.exe" as "exe.pdf") or line-breaking characters, spaces collapsed, at most
/// <see cref="MaxLength"/> characters (never half a character). It is shown as text and sent as a header value, never
/// used as a path.
/// </summary>
public static class SlideNames
{
    public const int MaxLength = 100;

    /// <summary>The name of a deck uploaded without one.</summary>
    public const string Default = "slides.pdf";

    public static string Clean(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var cleaned = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            if (Rune.IsWhiteSpace(rune))
            {
                if (cleaned.Length > 0 && cleaned[^1] != ' ')
                {
                    cleaned.Append(' ');
                }

                continue;
            }

            cleaned.Append(rune.ToString());
        }

        var result = cleaned.ToString().Trim().TrimStart('.');
        if (result.Length > MaxLength)
        {
            // Cut on a text element, so a surrogate pair or a letter with its accents is never split.
            var elements = StringInfo.GetTextElementEnumerator(result);
            var length = 0;
            while (elements.MoveNext() && length + elements.GetTextElement().Length <= MaxLength)
            {
                length += elements.GetTextElement().Length;
            }

            result = result[..length].TrimEnd();
        }

        return result.Length > 0 ? result : Default;
    }
}
