using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Classroom.Search.Analysis;

/// <summary>A word of analysed text: its term as indexed and where it stands in the original text.</summary>
/// <param name="Start">Offset of its first character in the text analysed.</param>
/// <param name="End">Offset just past its last character.</param>
internal readonly record struct Word(string Term, int Start, int End);

/// <summary>
/// How the index reads Chinese: SmartCn's segmentation (a dictionary and a hidden Markov model, so 一元一次方程应用题
/// becomes 一 | 元 | 一次方程 | 应用题 rather than nine characters), Latin letters lower-cased, full-width forms folded.
/// One analyser for indexing, querying and marking, so the three always agree on what a word is.
/// </summary>
internal static class ChineseText
{
    /// <summary>
    /// Punctuation (SmartCn's own stop set) and the function words of a question that say nothing about its topic:
    /// a query "为什么二氧化碳能使石灰水变浑浊" is about 二氧化碳 and 石灰水, and every title has a 的.
    /// </summary>
    private static readonly CharArraySet StopWords = CreateStopWords();

    /// <summary>Thread-safe: Lucene keeps one token stream per thread and field.</summary>
    public static Analyzer Analyzer { get; } = new SmartChineseAnalyzer(LuceneVersion.LUCENE_48, StopWords);

    /// <summary>The words of <paramref name="text"/>, in order, stop words left out.</summary>
    public static List<Word> Words(string text)
    {
        var words = new List<Word>();
        if (text.Length == 0)
        {
            return words;
        }

        using var stream = Analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(new Word(term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return words;
    }

    private static CharArraySet CreateStopWords()
    {
        var set = new CharArraySet(LuceneVersion.LUCENE_48, SmartChineseAnalyzer.DefaultStopSet, ignoreCase: false);
        foreach (var word in new[]
                 {
                     "的", "地", "得", "了", "着", "过", "是", "在", "和", "与", "及", "或", "而", "也", "都", "就", "还", "又", "很",
                     "吗", "呢", "吧", "啊", "呀", "么", "嘛", "把", "被", "给", "这", "那", "这个", "那个", "这道", "这道题",
                     "请问", "老师", "同学", "为什么", "什么", "怎么", "怎么办", "怎样", "如何", "哪些", "哪个", "多少",
                 })
        {
            set.Add(word);
        }

        return set;
    }
}
