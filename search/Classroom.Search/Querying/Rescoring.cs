using Classroom.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Classroom.Search.Querying;

/// <summary>
/// The second pass: the candidates found cheaply are scored by the full query (each word in its best-weighted field,
/// the title phrase), multiplied by the adoption factor, and the best kept. The full query's scorer is only advanced
/// to the candidates, segment by segment, so its cost follows the number of candidates, not of documents holding
/// the words.
/// </summary>
/// <remarks>
/// Lucene's own QueryRescorer would do, but for a segment where the full query has no scorer at all (a candidate that
/// has the two words of 实际问题, but never side by side in one field) it fails; here such candidates simply drop out.
/// </remarks>
internal static class Rescoring
{
    public static IReadOnlyList<ScoreDoc> Rescore(IndexSearcher searcher, Query query, List<ScoreDoc> candidates, int limit)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        var weight = searcher.CreateNormalizedWeight(query);
        var leaves = searcher.IndexReader.Leaves;
        var rescored = new List<ScoreDoc>(candidates.Count);
        foreach (var inLeaf in candidates.OrderBy(candidate => candidate.Doc).GroupBy(candidate => ReaderUtil.SubIndex(candidate.Doc, leaves)))
        {
            var leaf = leaves[inLeaf.Key];
            if (weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is not { } scorer)
            {
                continue;
            }

            var adopted = leaf.AtomicReader.GetNumericDocValues(SearchFields.Rank);
            foreach (var candidate in inLeaf)
            {
                var doc = candidate.Doc - leaf.DocBase;
                if ((scorer.DocID < doc ? scorer.Advance(doc) : scorer.DocID) == doc)
                {
                    rescored.Add(new ScoreDoc(candidate.Doc, scorer.GetScore() * Ranking.Factor(adopted?.Get(doc) ?? 0)));
                }
            }
        }

        return rescored.OrderByDescending(hit => hit.Score).ThenBy(hit => hit.Doc).Take(limit).ToList();
    }
}
