using Classroom.Persistence.EventLogs;
using Classroom.Persistence.Storage;

namespace Classroom.Grains.Tests.Fixtures;

/// <summary>
/// Event log storage in a SQLite file of its own (real I/O, so appends take the time they take in the product) that
/// counts appends and reads, and can be told to fail appends.
/// </summary>
public sealed class ObservedEventLogStorage : IEventLogStorage, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("classroom-observed-").FullName;
    private readonly SqlEventLogStorage _inner;
    private int _appends;
    private int _reads;

    public ObservedEventLogStorage() => _inner = new SqlEventLogStorage(new SqliteDatabase(new SqliteStorageOptions { DataDirectory = _directory }));

    public int Appends => Volatile.Read(ref _appends);

    public int Reads => Volatile.Read(ref _reads);

    public long LastReadAfter { get; private set; } = -1;

    public bool FailAppends { get; set; }

    /// <summary>While set, appends wait for it (at most 30 s), as behind a slow disk: what arrives meanwhile piles up.</summary>
    public Task? HoldAppends { get; set; }

    public async Task AppendAsync(GrainId grainId, string logName, long firstSequence, IReadOnlyList<byte[]> payloads, CancellationToken cancellationToken)
    {
        if (HoldAppends is { } hold)
        {
            await hold.WaitAsync(TimeSpan.FromSeconds(30));
        }

        if (FailAppends)
        {
            throw new StorageDownException("disk full");
        }

        Interlocked.Increment(ref _appends);
        await _inner.AppendAsync(grainId, logName, firstSequence, payloads, cancellationToken);
    }

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(GrainId grainId, string logName, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        LastReadAfter = afterSequence;
        return _inner.ReadAsync(grainId, logName, afterSequence, maxCount, cancellationToken);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>What a database driver throws: an exception Orleans has no codec for (like Npgsql's PostgresException).</summary>
public sealed class StorageDownException(string message) : Exception(message);
