using Classroom.Persistence.Serialization;

namespace Classroom.Persistence.EventLogs;

/// <summary>Reads one grain's log; the base of the writable <see cref="EventLog{TEvent}"/>.</summary>
internal class EventLogReader<TEvent>(GrainId grainId, string logName, IEventLogStorage storage, PersistenceJson json) : IEventLogReader<TEvent>
{
    protected GrainId GrainId { get; } = grainId;

    protected string LogName { get; } = logName;

    protected IEventLogStorage Storage { get; } = storage;

    protected PersistenceJson Json { get; } = json;

    public async Task<IReadOnlyList<EventLogEntry<TEvent>>> ReadAsync(long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        var stored = await Storage.ReadAsync(GrainId, LogName, afterSequence, maxCount, cancellationToken);
        var entries = new EventLogEntry<TEvent>[stored.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new EventLogEntry<TEvent>(stored[i].Sequence, Json.Deserialize<TEvent>(stored[i].Payload));
        }

        return entries;
    }
}

/// <summary>One grain's log, serialized as JSON into an <see cref="IEventLogStorage"/>.</summary>
internal sealed class EventLog<TEvent>(GrainId grainId, string logName, IEventLogStorage storage, PersistenceJson json)
    : EventLogReader<TEvent>(grainId, logName, storage, json), IEventLog<TEvent>
{
    public Task AppendAsync(long firstSequence, IReadOnlyList<TEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstSequence, 1);
        var payloads = new byte[events.Count][];
        for (var i = 0; i < payloads.Length; i++)
        {
            payloads[i] = Json.Serialize(events[i]);
        }

        return Storage.AppendAsync(GrainId, LogName, firstSequence, payloads, cancellationToken);
    }
}
