using Classroom.Runtime.Serialization;

namespace Classroom.Runtime.EventLogs;

/// <summary>Reads one grain's log; the base of the writable <see cref="EventLog{TEvent}"/>.</summary>
internal class EventLogReader<TEvent>(GrainId grainId, string logName, IEventLogStorage storage, GrainSerializer serializer) : IEventLogReader<TEvent>
{
    protected GrainId GrainId { get; } = grainId;

    protected string LogName { get; } = logName;

    protected IEventLogStorage Storage { get; } = storage;

    protected GrainSerializer Serializer { get; } = serializer;

    public async Task<IReadOnlyList<EventLogEntry<TEvent>>> ReadAsync(long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        var stored = await Storage.ReadAsync(GrainId, LogName, afterSequence, maxCount, cancellationToken);
        var entries = new EventLogEntry<TEvent>[stored.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new EventLogEntry<TEvent>(stored[i].Sequence, Serializer.Deserialize<TEvent>(stored[i].Payload));
        }

        return entries;
    }
}
