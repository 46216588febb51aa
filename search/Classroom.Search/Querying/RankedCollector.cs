using Classroom.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Classroom.Search.Querying;

/// <summary>
/// Keeps the best <c>limit</c> documents by relevance times the adoption factor (<see cref="Ranking"/>), read from
/// each document's value as it is collected. Taking documents in any order lets Lucene score the query's disjunction
/// with its fastest scorer; equal scores go to the earlier document, as Lucene's own collector does.
/// </summary>
internal sealed class RankedCollector(int limit) : ICollector
{
    private readonly PriorityQueue<ScoreDoc, (float Score, int Doc)> _best = new(limit + 1, WorstFirst.Instance);
    private Scorer _scorer = null!;
    private NumericDocValues? _adopted;
    private int _docBase;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _adopted = context.AtomicReader.GetNumericDocValues(SearchFields.Rank);
    }

    public void Collect(int doc)
    {
        var score = _scorer.GetScore() * Ranking.Factor(_adopted?.Get(doc) ?? 0);
        var key = (score, _docBase + doc);
        if (_best.Count < limit)
        {
            _best.Enqueue(new ScoreDoc(key.Item2, score), key);
        }
        else if (_best.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare(key, worst) > 0)
        {
            _best.DequeueEnqueue(new ScoreDoc(key.Item2, score), key);
        }
    }

    /// <summary>The documents kept, best first.</summary>
    public List<ScoreDoc> Best()
    {
        var best = new List<ScoreDoc>(_best.Count);
        while (_best.Count > 0)
        {
            best.Add(_best.Dequeue());
        }

        best.Reverse();
        return best;
    }

    /// <summary>Orders the queue so its head is the document to drop first: the lowest score, then the later document.</summary>
    private sealed class WorstFirst : IComparer<(float Score, int Doc)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((float Score, int Doc) x, (float Score, int Doc) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Doc.CompareTo(x.Doc);
    }
}
