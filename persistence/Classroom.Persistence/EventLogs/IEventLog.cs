namespace Classroom.Persistence.EventLogs;

/// <summary>
/// A grain's durable, append-only log of events, numbered 1, 2, 3… without gaps. One activation writes it; an append
/// whose first sequence number is already taken fails with <see cref="Orleans.Storage.InconsistentStateException"/>, so
/// two writers can never interleave their events. The grain decides how much one append carries: a grain that lets
/// calls interleave while a write is under way (group commit) turns a burst of actions into a handful of appends.
/// </summary>
public interface IEventLog<TEvent> : IEventLogReader<TEvent>
{
    /// <summary>Appends <paramref name="events"/> as sequence numbers <paramref name="firstSequence"/>, +1, … in one write.</summary>
    Task AppendAsync(long firstSequence, IReadOnlyList<TEvent> events, CancellationToken cancellationToken = default);
}

/// <summary>
/// Read access to an event log: the owner's own log, or (through <see cref="EventLogReaderAttribute"/>) another grain's,
/// for read models and projections that must not load the writer.
/// </summary>
public interface IEventLogReader<TEvent>
{
    /// <summary>Reads up to <paramref name="maxCount"/> events after <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<EventLogEntry<TEvent>>> ReadAsync(long afterSequence, int maxCount, CancellationToken cancellationToken = default);
}

/// <summary>An event and its place in the log.</summary>
public sealed record EventLogEntry<TEvent>(long Sequence, TEvent Event);
