using Classroom.Contracts.Questions;

namespace Classroom.Search.Indexing;

/// <summary>
/// How adoption ranks: a question whose author adopted an answer has its relevance multiplied by
/// <see cref="AdoptedFactor"/>. So among matches of comparable relevance the adopted ones come first, while a
/// question that matches clearly better (more than that factor) still beats a barely related adopted one, which a
/// sort by adoption would not allow. Documents store whether they are adopted, not the factor, so the factor can
/// change without re-indexing.
/// </summary>
internal static class Ranking
{
    public const float AdoptedFactor = 1.5f;

    /// <summary>What a document stores for its rank: 1 when adopted.</summary>
    public static long Value(SearchDocument document) => document.Adopted ? 1 : 0;

    public static float Factor(long value) => value == 1 ? AdoptedFactor : 1f;
}
