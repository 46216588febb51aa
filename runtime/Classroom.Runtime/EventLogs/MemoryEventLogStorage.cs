using Classroom.Runtime.Storage;

namespace Classroom.Runtime.EventLogs;

/// <summary>Event logs kept in memory for the life of the process, with the same rules as durable storage.</summary>
public sealed class MemoryEventLogStorage : IEventLogStorage
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId, string), List<byte[]>> _logs = [];

    /// <inheritdoc />
    public Task AppendAsync(GrainId grainId, string logName, long firstSequence, IReadOnlyList<byte[]> payloads, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_logs.TryGetValue((grainId, logName), out var log))
            {
                _logs[(grainId, logName)] = log = [];
            }

            if (firstSequence != log.Count + 1)
            {
                throw EventLogConflict.Create(grainId, logName, firstSequence, log.Count);
            }

            log.AddRange(payloads.Select(static p => p.ToArray()));
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> ReadAsync(GrainId grainId, string logName, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_logs.TryGetValue((grainId, logName), out var log) || afterSequence >= log.Count)
            {
                return Task.FromResult<IReadOnlyList<StoredEvent>>([]);
            }

            var start = (int)Math.Max(afterSequence, 0);
            var count = Math.Min(maxCount, log.Count - start);
            var entries = new StoredEvent[count];
            for (var i = 0; i < count; i++)
            {
                entries[i] = new StoredEvent(start + i + 1, log[start + i]);
            }

            return Task.FromResult<IReadOnlyList<StoredEvent>>(entries);
        }
    }
}

/// <summary>The error for an append that does not continue its log.</summary>
internal static class EventLogConflict
{
    public static InconsistentStateException Create(GrainId grainId, string logName, long firstSequence, long lastStored) =>
        new($"Events from {firstSequence} were not appended to log '{logName}' of grain {grainId}: the log ends at {lastStored}. " +
            "Another writer appended to it, or this writer lost track of its position; reactivate to rebuild from the log.");
}
