using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Classroom.Gateway.Slides;

/// <summary>
/// Finds what could act rather than show in a PDF: scripts, actions that run, launch, submit or fetch, forms, embedded
/// files and rich media. Run on the rebuilt PDF, every object of it, so whatever the rebuild carried over from a page
/// (a page's own open and close actions, <c>/AA</c>) is found wherever it sits.
/// </summary>
internal static class PdfActiveContent
{
    // Dictionary keys that only active content has.
    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal)
    {
        "JS", "JavaScript", "AA", "OpenAction", "AcroForm", "XFA", "EmbeddedFiles", "EF", "RichMediaContent", "RichMediaSettings",
    };

    // Action types (/S) that do more than move within the document.
    private static readonly HashSet<string> Actions = new(StringComparer.Ordinal)
    {
        "JavaScript", "Launch", "SubmitForm", "ImportData", "ResetForm", "GoToR", "GoToE", "URI", "Rendition", "Movie", "Sound", "RichMediaExecute",
    };

    /// <summary>The first active thing found in <paramref name="document"/>'s objects, named; null when there is none.</summary>
    public static string? Find(PdfDocument document)
    {
        foreach (var reference in document.Structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            if (Find(document.Structure.GetObject(reference).Data, depth: 0) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? Find(IToken? token, int depth)
    {
        // The rebuilt PDF is PdfPig's own writing and shallow; a deep nesting is itself suspect.
        if (depth > 64)
        {
            return "nesting";
        }

        switch (token)
        {
            case StreamToken stream:
                return Find(stream.StreamDictionary, depth + 1);
            case DictionaryToken dictionary:
                foreach (var (key, value) in dictionary.Data)
                {
                    if (Keys.Contains(key))
                    {
                        return "/" + key;
                    }

                    if (key is "S" or "Type" && value is NameToken { Data: var name } && (Actions.Contains(name) || name == "EmbeddedFile"))
                    {
                        return "/" + name;
                    }

                    if (Find(value, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case ArrayToken array:
                foreach (var item in array.Data)
                {
                    if (Find(item, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
