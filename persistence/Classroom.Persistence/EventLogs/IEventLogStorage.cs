namespace Classroom.Persistence.EventLogs;

/// <summary>Durable storage of serialized event logs, one per grain and log name.</summary>
public interface IEventLogStorage
{
    /// <summary>
    /// Appends payloads as sequence numbers <paramref name="firstSequence"/>, +1, … atomically. Fails with
    /// <see cref="Orleans.Storage.InconsistentStateException"/> if any of them is taken or the log would have a gap.
    /// </summary>
    Task AppendAsync(GrainId grainId, string logName, long firstSequence, IReadOnlyList<byte[]> payloads, CancellationToken cancellationToken);

    /// <summary>Reads up to <paramref name="maxCount"/> entries after <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(GrainId grainId, string logName, long afterSequence, int maxCount, CancellationToken cancellationToken);
}

/// <summary>A serialized event and its sequence number.</summary>
public sealed record StoredEvent(long Sequence, byte[] Payload);

/// <summary>The error for an append that does not continue its log.</summary>
public static class EventLogConflict
{
    /// <summary>Names the log, where the append wanted to start and where the log ends.</summary>
    public static Orleans.Storage.InconsistentStateException Create(GrainId grainId, string logName, long firstSequence, long lastStored) =>
        new($"Events from {firstSequence} were not appended to log '{logName}' of grain {grainId}: the log ends at {lastStored}. " +
            "Another writer appended to it, or this writer lost track of its position; reactivate to rebuild from the log.",
            lastStored.ToString(System.Globalization.CultureInfo.InvariantCulture), (firstSequence - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
