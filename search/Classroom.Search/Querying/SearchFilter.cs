using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Classroom.Contracts.Questions;
using Classroom.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Classroom.Search.Querying;

/// <summary>
/// The exact part of a search (visible, kind, answered-only, knowledge point, grade) as a bit set per segment.
/// A bit set lets Lucene apply the filter while it scores (random access) and keep scoring out of order, its fastest
/// way through a disjunction; an iterator-only filter (a query wrapped as a filter) would force it to score in order.
/// </summary>
/// <remarks>
/// The sets for visible, kind and answered-only are few and cover most documents, so they are kept per segment
/// (segments never change; deletions are applied on top). A knowledge point or a grade narrows a copy.
/// </remarks>
internal sealed class SearchFilter(SearchQuery query) : Filter
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<(string? Kind, bool AnsweredOnly), FixedBitSet>> Shared = new();

    private readonly string? _kind = string.IsNullOrEmpty(query.Kind) ? null : query.Kind;
    private readonly string? _knowledgePoint = string.IsNullOrEmpty(query.KnowledgePoint) ? null : query.KnowledgePoint;
    private readonly int? _grade = query.Grade;
    private readonly bool _answeredOnly = query.AnsweredOnly;

    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var reader = context.AtomicReader;
        var bits = Shared.GetValue(reader.CoreCacheKey, _ => new()).GetOrAdd((_kind, _answeredOnly), key => Common(reader, key.Kind, key.AnsweredOnly));
        if (_knowledgePoint is not null || _grade is not null)
        {
            bits = bits.Clone();
            if (_knowledgePoint is not null)
            {
                And(bits, reader, SearchFields.KnowledgePoint, _knowledgePoint);
            }

            if (_grade is { } grade)
            {
                And(bits, reader, SearchFields.Grade, SearchFields.GradeTerm(grade));
            }
        }

        return BitsFilteredDocIdSet.Wrap(bits, acceptDocs);
    }

    private static FixedBitSet Common(AtomicReader reader, string? kind, bool answeredOnly)
    {
        var bits = new FixedBitSet(reader.MaxDoc);
        Or(bits, reader, SearchFields.Visible, SearchFields.Yes);
        if (kind is not null)
        {
            And(bits, reader, SearchFields.Kind, kind);
        }

        if (answeredOnly)
        {
            // Lessons have no answers to wait for: "similar questions and micro-lessons" is one search.
            var answered = new FixedBitSet(reader.MaxDoc);
            Or(answered, reader, SearchFields.Answered, SearchFields.Yes);
            Or(answered, reader, SearchFields.Kind, SearchKinds.Lesson);
            bits.And(answered);
        }

        return bits;
    }

    private static void Or(FixedBitSet bits, AtomicReader reader, string field, string value)
    {
        if (reader.GetTermDocsEnum(new Term(field, value)) is { } docs)
        {
            bits.Or(docs);
        }
    }

    private static void And(FixedBitSet bits, AtomicReader reader, string field, string value)
    {
        if (reader.GetTermDocsEnum(new Term(field, value)) is { } docs)
        {
            bits.And(docs);
        }
        else
        {
            bits.Clear(0, bits.Length);
        }
    }
}
