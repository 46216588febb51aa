using Classroom.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Classroom.Search.Querying;

/// <summary>What a <see cref="Contracts.Questions.SearchQuery"/> becomes: Lucene queries, and what to mark in hits.</summary>
/// <param name="Query">What ranks: each word in the field that weighs most, and the title phrase.</param>
/// <param name="Candidates">Each word's (or synonym group's) clause over <see cref="SearchFields.Everything"/>, cheap
/// to find candidates with; a single word's clause carries its term, to be left out when it is common.</param>
/// <param name="Filter">The exact conditions, applied while scoring.</param>
/// <param name="Sort">Null to rank by relevance; newest first when there is no text to rank by.</param>
/// <param name="Marks">The word runs to mark in titles and snippets: each query word, and each other way of saying one.</param>
internal sealed record QueryPlan(Query Query, IReadOnlyList<(Query Clause, Term? Word)> Candidates, Filter Filter, Sort? Sort, IReadOnlyList<string[]> Marks, int Limit)
{
    /// <summary>Below this many documents every word is kept: scoring them all is cheap, and a small index has no
    /// reliable idea of what is common.</summary>
    private const int PruneFrom = 1000;

    /// <summary>A word in more than this share of documents says little about what a question is about.</summary>
    private const double CommonShare = 0.2;

    /// <summary>
    /// The query that finds candidates: any of the words, except words so common that scoring every document holding
    /// them would cost more than they tell (一, 题, 是); those still count when the candidates are ranked.
    /// With nothing but common words, all of them.
    /// </summary>
    public Query CandidateQuery(IndexReader reader)
    {
        var query = new BooleanQuery();
        var common = new List<Query>();
        foreach (var (clause, word) in Candidates)
        {
            if (word is not null && reader.MaxDoc >= PruneFrom && reader.DocFreq(word) > reader.MaxDoc * CommonShare)
            {
                common.Add(clause);
            }
            else
            {
                query.Add(clause, Occur.SHOULD);
            }
        }

        if (query.Clauses.Count == 0)
        {
            common.ForEach(clause => query.Add(clause, Occur.SHOULD));
        }

        return query;
    }
}
