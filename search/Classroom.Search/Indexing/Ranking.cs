using Classroom.Contracts.Questions;

namespace Classroom.Search.Indexing;

/// <summary>
/// How adoption ranks: a question whose author adopted an answer has its relevance multiplied by
/// <see cref="AdoptedFactor"/>. So among matches of comparable relevance the adopted ones come first, while a
/// question that matches clearly better (more than that factor) still beats a barely related adopted one, which a
/// sort by adoption would not allow.
/// </summary>
internal static class Ranking
{
    public const float AdoptedFactor = 1.5f;

    public static float Factor(SearchDocument document) => document.Adopted ? AdoptedFactor : 1f;
}
