using System.Globalization;
using Classroom.Contracts.Questions;
using Classroom.Search.Analysis;
using Classroom.Search.Highlighting;
using Classroom.Search.Indexing;
using Classroom.Search.KnowledgePoints;
using Classroom.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Classroom.Search;

/// <summary>
/// A full-text index of questions and lessons (one per subject in production), searched in Chinese: similar
/// questions as a student types, a knowledge point's questions, matched words marked.
/// </summary>
/// <remarks>
/// Writes are serialized; searches run concurrently with each other and with writes on a near-real-time reader
/// (Lucene's <see cref="SearcherManager"/>), refreshed by the first search after a write, so a search that starts after
/// <see cref="Upsert(SearchDocument)"/> returns sees it. Only <see cref="Commit"/> makes writes durable: the folder
/// always holds the documents as of <see cref="CommittedPosition"/>, and whoever owns the index replays what came after.
/// </remarks>
public sealed class QuestionIndex : IDisposable
{
    private const string PositionKey = "position";
    private const int SnippetLength = 80;

    /// <summary>How many candidates the first pass hands to the full query, at least.</summary>
    private const int Candidates = 100;

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly KnowledgePointCatalog _catalog;
    private readonly System.Threading.Lock _writeLock = new();
    private long _written;
    private long _refreshed;
    private long _committedPosition;

    private QuestionIndex(LuceneDirectory directory, KnowledgePointCatalog catalog)
    {
        _directory = directory;
        _catalog = catalog;
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, ChineseText.Analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            // Bulk indexing (a rebuild, the benchmark) flushes less often; a live index never fills it.
            RAMBufferSizeMB = 64,
        };
        _writer = new IndexWriter(directory, config);
        try
        {
            _committedPosition = _writer.CommitData.TryGetValue(PositionKey, out var position)
                ? long.Parse(position, NumberStyles.None, CultureInfo.InvariantCulture)
                : 0;
            _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        }
        catch
        {
            // The writer holds the folder's lock: release it, or the folder cannot be opened again.
            _writer.Rollback();
            throw;
        }
    }

    /// <summary>The position given to the last <see cref="Commit"/>; 0 for a new index.</summary>
    public long CommittedPosition => Interlocked.Read(ref _committedPosition);

    /// <summary>How many documents the index holds, hidden ones included.</summary>
    public int Count
    {
        get
        {
            var searcher = AcquireCurrent();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>Opens an index in memory (<paramref name="directory"/> null) or in a folder, created if missing and
    /// otherwise reopened with what was committed there.</summary>
    public static QuestionIndex Open(string? directory)
    {
        LuceneDirectory store = directory is null ? new RAMDirectory() : FSDirectory.Open(System.IO.Directory.CreateDirectory(directory));
        try
        {
            return new QuestionIndex(store, KnowledgePointCatalog.Default);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Adds the document, or replaces the one with the same id.</summary>
    public void Upsert(SearchDocument document) => Upsert([document]);

    /// <summary>Adds the documents, or replaces those with the same ids; later ones win within the batch.</summary>
    public void Upsert(IEnumerable<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        // Checked before any is written, so a bad batch writes nothing.
        var batch = documents.ToList();
        foreach (var document in batch)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(document?.Id, nameof(documents));
        }

        lock (_writeLock)
        {
            foreach (var document in batch)
            {
                _writer.UpdateDocument(new Term(SearchFields.Id, document.Id), SearchFields.Create(document, _catalog));
            }

            Interlocked.Increment(ref _written);
        }
    }

    /// <summary>
    /// True when the index holds exactly <paramref name="document"/> (same id, every field the same): upserting it
    /// again would change nothing. Sees every write that returned before it.
    /// </summary>
    public bool Holds(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var searcher = AcquireCurrent();
        try
        {
            var found = searcher.Search(new TermQuery(new Term(SearchFields.Id, document.Id)), 1).ScoreDocs;
            return found.Length == 1 && searcher.Doc(found[0].Doc).Get(SearchFields.FingerprintField) == SearchFields.Fingerprint(document);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Removes the document with this id, if there is one.</summary>
    public void Delete(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        lock (_writeLock)
        {
            _writer.DeleteDocuments(new Term(SearchFields.Id, id));
            Interlocked.Increment(ref _written);
        }
    }

    /// <summary>Makes everything written so far durable, recording <paramref name="position"/> with it (the position in
    /// the owner's log up to which the index is complete; <see cref="CommittedPosition"/> after a reopen).</summary>
    public void Commit(long position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        lock (_writeLock)
        {
            _writer.SetCommitData(new Dictionary<string, string> { [PositionKey] = position.ToString(CultureInfo.InvariantCulture) });
            _writer.Commit();
            Interlocked.Exchange(ref _committedPosition, position);
        }
    }

    /// <summary>
    /// The best matches for <paramref name="query"/> (at most its limit, clamped to 1..50), hidden documents never.
    /// Empty text lists a knowledge point's (or grade's) documents newest first, and nothing without either.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (QueryPlanner.Build(query) is not { } plan)
        {
            return [];
        }

        var searcher = AcquireCurrent();
        try
        {
            var found = plan.Sort is null ? Ranked(searcher, plan) : searcher.Search(plan.Query, plan.Filter, plan.Limit, plan.Sort).ScoreDocs;
            var marker = new TextMarker(plan.Marks);
            return found.Select(hit => Hit(searcher.Doc(hit.Doc), hit, plan, marker)).ToList();
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Closes the index without committing: a reopened folder holds what the last <see cref="Commit"/> wrote.</summary>
    public void Dispose()
    {
        lock (_writeLock)
        {
            _searchers.Dispose();
            _writer.Rollback();
            _directory.Dispose();
        }
    }

    /// <summary>Candidates by the cheap query over every text at once, then the best of them by the full query.</summary>
    private static IReadOnlyList<ScoreDoc> Ranked(IndexSearcher searcher, QueryPlan plan)
    {
        var candidates = new RankedCollector(Math.Max(Candidates, 4 * plan.Limit));
        searcher.Search(plan.CandidateQuery(searcher.IndexReader), plan.Filter, candidates);
        return Rescoring.Rescore(searcher, plan.Query, candidates.Best(), plan.Limit);
    }

    private static SearchHit Hit(Lucene.Net.Documents.Document document, ScoreDoc found, QueryPlan plan, TextMarker marker) =>
        new(
            document.Get(SearchFields.Id),
            document.Get(SearchFields.Kind),
            document.Get(SearchFields.Subject),
            int.Parse(document.Get(SearchFields.Grade), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            document.GetValues(SearchFields.KnowledgePoint),
            marker.Mark(document.Get(SearchFields.Title) ?? ""),
            marker.Snippet(document.Get(SearchFields.Body) ?? "", document.Get(SearchFields.Answers) ?? "", SnippetLength),
            document.Get(SearchFields.Adopted) == SearchFields.Yes,
            // Browsing sorts by time and scores nothing (NaN, which JSON cannot carry).
            plan.Sort is null ? found.Score : 0f);

    /// <summary>A searcher that sees every write that returned before this call.</summary>
    private IndexSearcher AcquireCurrent()
    {
        var written = Interlocked.Read(ref _written);
        if (written != Interlocked.Read(ref _refreshed))
        {
            _searchers.MaybeRefreshBlocking();
            long refreshed;
            while ((refreshed = Interlocked.Read(ref _refreshed)) < written && Interlocked.CompareExchange(ref _refreshed, written, refreshed) != refreshed)
            {
            }
        }

        return _searchers.Acquire();
    }
}
