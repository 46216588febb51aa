using Classroom.Contracts.Questions;
using Classroom.Persistence.EventLogs;
using Classroom.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Classroom.Grains.Questions;

/// <summary>
/// One subject's search index. The documents themselves are the grain's log (every upsert appended, durable before it
/// is searchable), so the index is a cache any silo can rebuild: on activation the silo opens its local copy (a
/// Lucene folder per subject under the silo's <see cref="QaOptions.IndexDirectory"/>, committed with the log position it holds) and replays only the log after that
/// position; with no local copy, the whole log. A silo's death loses nothing but the time to replay.
/// </summary>
/// <remarks>
/// Not reentrant, so upserts append in order; searches interleave ([AlwaysInterleave] on the interface), which is safe
/// because <see cref="QuestionIndex"/> serves searches concurrently with its writes and the grain's own fields are
/// not touched by a search.
/// </remarks>
[GrainType("question-index")]
public sealed partial class QuestionIndexGrain(
    [EventLog("index")] IEventLog<SearchDocument> log,
    IOptions<QaOptions> options,
    ILogger<QuestionIndexGrain> logger) : Grain, IQuestionIndexGrain
{
    private readonly QaOptions _options = options.Value;

    private QuestionIndex _index = null!;
    private long _seq;
    private long _committed;
    private IGrainTimer? _commits;

    private string Subject => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _index = Open();
        _seq = _index.CommittedPosition;
        if (_seq > 0 && (await log.ReadAsync(_seq - 1, 1, cancellationToken)).Count == 0)
        {
            // The local copy is ahead of the log (the database was replaced): start over from the log.
            StaleCopy(logger, Subject, _seq);
            _index.Dispose();
            Directory.Delete(Folder()!, recursive: true);
            _index = Open();
            _seq = 0;
        }

        _committed = _seq;
        var replayed = 0;
        while (true)
        {
            var page = await log.ReadAsync(_seq, 1000, cancellationToken);
            _index.Upsert(page.Select(entry => entry.Event));
            _seq += page.Count;
            replayed += page.Count;
            if (page.Count < 1000)
            {
                break;
            }
        }

        Opened(logger, Subject, _index.Count, replayed);
        _commits = this.RegisterGrainTimer(CommitAsync, new GrainTimerCreationOptions(_options.IndexCommitInterval, _options.IndexCommitInterval));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _commits?.Dispose();
        Commit();
        _index.Dispose();
        return Task.CompletedTask;
    }

    public async Task UpsertAsync(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        // A question re-syncs on every activation: what the index already holds exactly is not appended again.
        if (_index.Holds(document))
        {
            return;
        }

        await log.AppendAsync(_seq + 1, [document]);
        _seq++;
        _index.Upsert(document);
    }

    /// <summary>On the thread pool: searches of one subject run side by side, not one at a time on the grain's turn.</summary>
    public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query)
    {
        var index = _index;
        return Task.Run(() => index.Search(query));
    }

    private Task CommitAsync()
    {
        Commit();
        return Task.CompletedTask;
    }

    private void Commit()
    {
        if (_seq > _committed)
        {
            _index.Commit(_seq);
            _committed = _seq;
        }
    }

    /// <summary>The local copy: a folder of this silo's, or memory when none is configured or the folder is in use.</summary>
    private QuestionIndex Open()
    {
        if (Folder() is not { } folder)
        {
            return QuestionIndex.Open(null);
        }

        try
        {
            return QuestionIndex.Open(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Lucene.Net.Store.LockObtainFailedException)
        {
            LocalCopyUnavailable(logger, e, Subject, folder);
            return QuestionIndex.Open(null);
        }
    }

    private string? Folder() => _options.IndexDirectory is { Length: > 0 } root ? Path.Combine(root, Safe(Subject)) : null;

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));

    [LoggerMessage(1, LogLevel.Information, "Search index of {Subject}: {Count} documents, {Replayed} replayed from the log")]
    private static partial void Opened(ILogger logger, string subject, int count, int replayed);

    [LoggerMessage(2, LogLevel.Warning, "Search index of {Subject}: the local copy holds position {Position}, beyond the log; rebuilding it")]
    private static partial void StaleCopy(ILogger logger, string subject, long position);

    [LoggerMessage(3, LogLevel.Warning, "Search index of {Subject}: the local copy at {Folder} cannot be used; keeping it in memory")]
    private static partial void LocalCopyUnavailable(ILogger logger, Exception exception, string subject, string folder);
}
