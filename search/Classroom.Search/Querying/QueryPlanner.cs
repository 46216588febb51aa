using Classroom.Contracts.Questions;
using Classroom.Search.Analysis;
using Classroom.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Classroom.Search.Querying;

/// <summary>
/// Turns a user's search into a Lucene query without a query parser: the text is only ever analysed into words, so
/// query syntax in it (<c>AND</c>, <c>*</c>, <c>"</c>, <c>\</c>) is text like any other and can never throw.
/// </summary>
/// <remarks>
/// Each word (or run of words with synonyms) is one clause that looks in every text field at that field's weight and
/// takes the best: knowledge-point names 3, title 2, body 1, answers 0.5. Lucene's coordination factor then scales a
/// document by the share of the query's clauses it matched, so a question about 一元一次方程应用题 that matches
/// 一元一次方程 and 应用题 beats one that merely shares 一. A sloppy phrase over the title adds to titles that say
/// the words in the query's order. That is the second pass; the first finds candidates with the same words over the
/// combined field (<see cref="QueryPlan.CandidateQuery"/>). Both multiply by the adoption factor (<see cref="Ranking"/>).
/// </remarks>
internal static class QueryPlanner
{
    /// <summary>Text beyond this is ignored: a student may paste a whole problem, but its start says what it is about.</summary>
    public const int MaxTextLength = 200;

    public const int MaxLimit = 50;
    private const int MaxWords = 32;
    private const int MaxPhraseWords = 8;
    private const float PhraseBoost = 2f;
    private const float OtherWayBoost = 0.8f;
    private const float FieldTieBreaker = 0.1f;

    private static readonly (string Field, float Boost)[] TextFields =
    [
        (SearchFields.KnowledgePointNames, 3f),
        (SearchFields.Title, 2f),
        (SearchFields.Body, 1f),
        (SearchFields.Answers, 0.5f),
    ];

    private static readonly Sort NewestFirst = new(new SortField(SearchFields.At, SortFieldType.INT64, reverse: true));

    /// <summary>The plan for <paramref name="query"/>, or null when it asks for nothing (no words and no narrowing).</summary>
    public static QueryPlan? Build(SearchQuery query)
    {
        var limit = Math.Clamp(query.Limit, 1, MaxLimit);
        var words = ChineseText.Words(Truncate(query.Text ?? "")).Select(word => word.Term).Take(MaxWords).ToList();
        var filter = new SearchFilter(query);
        if (words.Count == 0)
        {
            // Browsing a knowledge point (or a grade) lists its newest questions; nothing at all lists nothing.
            return string.IsNullOrEmpty(query.KnowledgePoint) && query.Grade is null
                ? null
                : new QueryPlan(new MatchAllDocsQuery(), [], filter, NewestFirst, [], limit);
        }

        var marks = new List<string[]>();
        var candidates = new List<(Query, Term?)>();
        return new QueryPlan(Relevance(words, marks, candidates), candidates, filter, null, marks, limit);
    }

    private static string Truncate(string text)
    {
        text = text.Trim();
        if (text.Length <= MaxTextLength)
        {
            return text;
        }

        // Never cut a surrogate pair in two.
        return text[..(char.IsHighSurrogate(text[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength)];
    }

    private static BooleanQuery Relevance(List<string> words, List<string[]> marks, List<(Query, Term?)> candidates)
    {
        var query = new BooleanQuery();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count;)
        {
            if (Synonyms.Match(words, i) is { } match)
            {
                if (seen.Add($"synonyms:{match.Group}"))
                {
                    var ways = new DisjunctionMaxQuery(0f) { InAnyField(match.Said, 1f) };
                    foreach (var other in match.Others)
                    {
                        ways.Add(InAnyField(other, OtherWayBoost));
                    }

                    query.Add(ways, Occur.SHOULD);
                    candidates.Add((AnyWay([match.Said, .. match.Others]), null));
                    marks.Add(match.Said);
                    marks.AddRange(match.Others);
                }

                i += match.Length;
                continue;
            }

            if (seen.Add(words[i]))
            {
                query.Add(InAnyField([words[i]], 1f), Occur.SHOULD);
                var term = new Term(SearchFields.Everything, words[i]);
                candidates.Add((new TermQuery(term), term));
                marks.Add([words[i]]);
            }

            i++;
        }

        if (words.Count is > 1 and <= MaxPhraseWords)
        {
            query.Add(Phrase(SearchFields.Title, words, slop: 2, PhraseBoost), Occur.SHOULD);
        }

        return query;
    }

    /// <summary>The words (one, or a run to match as a phrase) in whichever text field weighs most.</summary>
    private static DisjunctionMaxQuery InAnyField(IReadOnlyList<string> words, float boost)
    {
        var query = new DisjunctionMaxQuery(FieldTieBreaker) { Boost = boost };
        foreach (var (field, fieldBoost) in TextFields)
        {
            query.Add(words.Count == 1
                ? new TermQuery(new Term(field, words[0])) { Boost = fieldBoost }
                : Phrase(field, words, slop: 0, fieldBoost));
        }

        return query;
    }

    /// <summary>Any of the ways in the combined field, which has no positions: a way of several words needs them all.</summary>
    private static DisjunctionMaxQuery AnyWay(IEnumerable<string[]> ways)
    {
        var query = new DisjunctionMaxQuery(0f);
        foreach (var way in ways)
        {
            if (way.Length == 1)
            {
                query.Add(new TermQuery(new Term(SearchFields.Everything, way[0])));
                continue;
            }

            var all = new BooleanQuery();
            foreach (var word in way)
            {
                all.Add(new TermQuery(new Term(SearchFields.Everything, word)), Occur.MUST);
            }

            query.Add(all);
        }

        return query;
    }

    private static PhraseQuery Phrase(string field, IReadOnlyList<string> words, int slop, float boost)
    {
        var phrase = new PhraseQuery { Slop = slop, Boost = boost };
        foreach (var word in words)
        {
            phrase.Add(new Term(field, word));
        }

        return phrase;
    }

}
