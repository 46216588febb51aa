using Classroom.Search.Analysis;

namespace Classroom.Search.Querying;

/// <summary>A run of query words that is one way of saying something, and the other ways of saying it.</summary>
/// <param name="Length">How many query words the match covers.</param>
/// <param name="Said">The words as the query said them.</param>
/// <param name="Others">The other ways, as analysed words.</param>
internal sealed record SynonymMatch(int Group, int Length, string[] Said, IReadOnlyList<string[]> Others);

/// <summary>
/// Ways students and teachers say the same thing differently: a student asks about a 应用题 that the answer calls a
/// 实际问题. Applied to queries only, so the list can grow without re-indexing. Each way is analysed like any text,
/// so a way SmartCn splits into several words (实际 | 问题) matches as a phrase.
/// </summary>
internal static class Synonyms
{
    private static readonly string[][] Groups =
    [
        ["应用题", "实际问题", "文字题", "实际应用"],
        ["解析式", "表达式", "关系式"],
        ["证明", "求证"],
        ["化简", "简化"],
        ["判定", "判断"],
        ["区别", "不同", "差别", "异同"],
        ["含义", "意思", "意义"],
        ["中心思想", "主旨", "主题思想"],
        ["步骤", "过程"],
        ["思路", "解法", "解题方法"],
        ["原因", "缘故"],
        ["速度", "速率"],
        ["勾股定理", "毕达哥拉斯定理", "商高定理"],
        ["二氧化碳", "co2"],
        ["单词", "词汇"],
        ["作文", "写作"],
        ["知识点", "考点"],
        ["计算", "求值"],
    ];

    private static readonly string[][][] Analysed = Groups
        .Select(group => group.Select(way => ChineseText.Words(way).Select(word => word.Term).ToArray()).Where(words => words.Length > 0).ToArray())
        .ToArray();

    /// <summary>The longest way of saying something that starts at <paramref name="at"/>, or null.</summary>
    public static SynonymMatch? Match(IReadOnlyList<string> words, int at)
    {
        SynonymMatch? best = null;
        for (var group = 0; group < Analysed.Length; group++)
        {
            foreach (var way in Analysed[group])
            {
                if (way.Length > (best?.Length ?? 0) && StartsWith(words, at, way))
                {
                    best = new SynonymMatch(group, way.Length, way, Analysed[group].Where(other => other != way).ToList());
                }
            }
        }

        return best;
    }

    private static bool StartsWith(IReadOnlyList<string> words, int at, string[] way)
    {
        if (at + way.Length > words.Count)
        {
            return false;
        }

        for (var i = 0; i < way.Length; i++)
        {
            if (!string.Equals(words[at + i], way[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
