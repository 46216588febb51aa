namespace Classroom.Runtime.EventLogs;

/// <summary>Durable storage of serialized event logs, one per grain and log name.</summary>
public interface IEventLogStorage
{
    /// <summary>
    /// Appends payloads as sequence numbers <paramref name="firstSequence"/>, +1, … atomically. Fails with
    /// <see cref="Storage.InconsistentStateException"/> if any of them is taken or the log would have a gap.
    /// </summary>
    Task AppendAsync(GrainId grainId, string logName, long firstSequence, IReadOnlyList<byte[]> payloads, CancellationToken cancellationToken);

    /// <summary>Reads up to <paramref name="maxCount"/> entries after <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(GrainId grainId, string logName, long afterSequence, int maxCount, CancellationToken cancellationToken);
}

/// <summary>A serialized event and its sequence number.</summary>
public sealed record StoredEvent(long Sequence, byte[] Payload);
