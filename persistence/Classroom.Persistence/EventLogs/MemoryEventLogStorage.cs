namespace Classroom.Persistence.EventLogs;

/// <summary>Event logs kept in memory for the life of the process, with the same rules as durable storage (tests).</summary>
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
