using Classroom.Runtime;
using Classroom.Runtime.EventLogs;

namespace Classroom.Grains.Tests.Fixtures;

/// <summary>In-memory event log storage that counts appends and reads, and can be told to fail appends.</summary>
public sealed class ObservedEventLogStorage : IEventLogStorage
{
    private readonly MemoryEventLogStorage _inner = new();
    private int _appends;
    private int _reads;

    public int Appends => Volatile.Read(ref _appends);

    public int Reads => Volatile.Read(ref _reads);

    public long LastReadAfter { get; private set; } = -1;

    public bool FailAppends { get; set; }

    public async Task AppendAsync(GrainId grainId, string logName, long firstSequence, IReadOnlyList<byte[]> payloads, CancellationToken cancellationToken)
    {
        // Completes later, as real I/O does: what arrives during a write waits for the next one.
        await Task.Yield();
        if (FailAppends)
        {
            throw new IOException("disk full");
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
}
