using Classroom.Contracts.Questions;
using Classroom.Search.Analysis;

namespace Classroom.Search.Highlighting;

/// <summary>
/// Marks a query's words in a hit's title and picks the snippet to show. The text is analysed again, as it was
/// indexed, and the marked runs are cut from the original at the words' offsets: the parts join back to the text
/// exactly, and a character that merely occurs inside a longer word (一 in 一次方程) is not marked.
/// </summary>
internal sealed class TextMarker
{
    /// <summary>Marked when a snippet starts or ends inside its text.</summary>
    public const string Ellipsis = "…";

    /// <summary>Sentence ends a snippet may start after, rather than in the middle of a sentence.</summary>
    private static readonly char[] SentenceEnds = "。！？；!?;\n".ToCharArray();

    private const int Lead = 12;
    private const int OccurrencesPerWord = 8;
    private const int MaxOccurrences = 96;

    private readonly Dictionary<string, string[][]> _runsByFirstWord;
    private readonly string[] _surfaces;
    private readonly bool _onlySingleCharacters;

    public TextMarker(IReadOnlyList<string[]> marks)
    {
        _runsByFirstWord = marks
            .Where(run => run.Length > 0)
            .GroupBy(run => run[0], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.OrderByDescending(run => run.Length).ToArray(), StringComparer.Ordinal);
        _surfaces = marks.Select(run => string.Concat(run)).Where(surface => surface.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        _onlySingleCharacters = _surfaces.All(surface => surface.Length == 1);
    }

    /// <summary>The whole text in parts, the query's words marked.</summary>
    public IReadOnlyList<TextPart> Mark(string text)
    {
        var parts = new List<TextPart>();
        Mark(text, parts);
        return parts;
    }

    /// <summary>
    /// About <paramref name="length"/> characters of the body or the answers, whichever holds more of the query's
    /// words (the body when neither does), starting near the words, with <see cref="Ellipsis"/> parts where it cuts.
    /// </summary>
    public IReadOnlyList<TextPart> Snippet(string body, string answers, int length)
    {
        var inBody = BestWindow(body, length);
        var inAnswers = BestWindow(answers, length);
        var (source, start) = body.Length == 0 || inAnswers.Score > inBody.Score ? (answers, inAnswers.Start) : (body, inBody.Start);
        var end = Math.Min(source.Length, start + length);
        if (end < source.Length && char.IsHighSurrogate(source[end - 1]))
        {
            end--;
        }

        var parts = new List<TextPart>();
        if (start > 0)
        {
            parts.Add(new TextPart(Ellipsis, false));
        }

        Mark(source[start..end], parts);
        if (end < source.Length)
        {
            parts.Add(new TextPart(Ellipsis, false));
        }

        return parts;
    }

    private void Mark(string text, List<TextPart> parts)
    {
        var cursor = 0;
        foreach (var (start, end) in Spans(text))
        {
            if (start > cursor)
            {
                parts.Add(new TextPart(text[cursor..start], false));
            }

            parts.Add(new TextPart(text[start..end], true));
            cursor = end;
        }

        if (cursor < text.Length)
        {
            parts.Add(new TextPart(text[cursor..], false));
        }
    }

    /// <summary>
    /// Where the text's marked runs are, touching runs joined. A lone character is left unmarked when the query has
    /// longer words: SmartCn makes single words of many common characters (the 一 of 一次买了一支笔), and marking each
    /// of them would bury the marks that matter.
    /// </summary>
    private List<(int Start, int End)> Spans(string text)
    {
        var words = ChineseText.Words(text);
        var spans = new List<(int Start, int End)>();
        for (var i = 0; i < words.Count;)
        {
            var run = RunAt(words, i);
            if (run == 0 || words[i].Start < (spans.Count > 0 ? spans[^1].End : 0))
            {
                i++;
                continue;
            }

            var (start, end) = (words[i].Start, words[i + run - 1].End);
            if (spans.Count > 0 && spans[^1].End == start)
            {
                spans[^1] = (spans[^1].Start, end);
            }
            else
            {
                spans.Add((start, end));
            }

            i += run;
        }

        if (!_onlySingleCharacters)
        {
            spans.RemoveAll(span => span.End - span.Start == 1);
        }

        return spans;
    }

    /// <summary>How many words from <paramref name="at"/> form the longest run to mark; 0 for none.</summary>
    private int RunAt(List<Word> words, int at)
    {
        if (!_runsByFirstWord.TryGetValue(words[at].Term, out var runs))
        {
            return 0;
        }

        foreach (var run in runs)
        {
            if (at + run.Length <= words.Count && Enumerable.Range(1, run.Length - 1).All(k => words[at + k].Term == run[k]))
            {
                return run.Length;
            }
        }

        return 0;
    }

    /// <summary>
    /// Where a window of <paramref name="length"/> characters holds the most of the query's words, weighing each
    /// distinct word by its length (a 一 says less than a 一次方程). Found by plain search for the words' text, cheaper
    /// than analysing a long answer; the window alone is analysed afterwards to mark it. A few occurrences of each word
    /// are enough to place the window, and keep the cost flat when a query has words as common as x.
    /// </summary>
    private (int Start, int Score) BestWindow(string text, int length)
    {
        var found = new List<(int At, int Surface)>();
        for (var s = 0; s < _surfaces.Length && found.Count < MaxOccurrences; s++)
        {
            var at = text.IndexOf(_surfaces[s], StringComparison.OrdinalIgnoreCase);
            for (var n = 0; at >= 0 && n < OccurrencesPerWord; n++, at = text.IndexOf(_surfaces[s], at + 1, StringComparison.OrdinalIgnoreCase))
            {
                found.Add((at, s));
            }
        }

        if (found.Count == 0)
        {
            return (0, 0);
        }

        found.Sort();
        var best = (Start: 0, Score: -1);
        var seen = new bool[_surfaces.Length];
        foreach (var (anchor, _) in found)
        {
            var start = WindowStart(text, anchor);
            Array.Clear(seen);
            var score = 0;
            foreach (var (at, surface) in found)
            {
                if (at >= start && at + _surfaces[surface].Length <= start + length && !seen[surface])
                {
                    seen[surface] = true;
                    score += _surfaces[surface].Length;
                }
            }

            // Between windows holding as much, one that starts a sentence reads better.
            score = 2 * score + (start == 0 || SentenceEnds.Contains(text[start - 1]) ? 1 : 0);
            if (score > best.Score)
            {
                best = (start, score);
            }
        }

        return best;
    }

    /// <summary>A little before the first word, at the start of its sentence when that is close.</summary>
    private static int WindowStart(string text, int anchor)
    {
        var from = Math.Max(0, anchor - Lead);
        var sentence = text.LastIndexOfAny(SentenceEnds, Math.Max(0, anchor - 1), anchor - from);
        var start = sentence >= from ? sentence + 1 : from;
        return start > 0 && char.IsLowSurrogate(text[start]) ? start - 1 : start;
    }
}
