using Classroom.Search.Indexing;
using Lucene.Net.Search;

namespace Classroom.Search.Querying;

/// <summary>
/// The second pass: the candidates found cheaply are scored by the full query (each word in its best-weighted field,
/// the title phrase), multiplied by the adoption factor, and the best kept. Lucene advances the full query's scorers to
/// the candidates only, so its cost follows the number of candidates, not of documents holding the words.
/// </summary>
internal static class Rescoring
{
    public static IReadOnlyList<ScoreDoc> Rescore(IndexSearcher searcher, Query query, List<ScoreDoc> candidates, int limit)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        var firstPass = new TopDocs(candidates.Count, [.. candidates], candidates[0].Score);
        var rescored = new FullQueryRescorer(query).Rescore(searcher, firstPass, candidates.Count).ScoreDocs;
        foreach (var hit in rescored)
        {
            hit.Score *= Ranking.Factor(searcher.IndexReader, hit.Doc);
        }

        return rescored
            .Where(hit => hit.Score > 0)
            .OrderByDescending(hit => hit.Score)
            .ThenBy(hit => hit.Doc)
            .Take(limit)
            .ToList();
    }

    /// <summary>The full query's score alone: the first pass only chose the candidates.</summary>
    private sealed class FullQueryRescorer(Query query) : QueryRescorer(query)
    {
        protected override float Combine(float firstPassScore, bool secondPassMatches, float secondPassScore) =>
            secondPassMatches ? secondPassScore : 0f;
    }
}
