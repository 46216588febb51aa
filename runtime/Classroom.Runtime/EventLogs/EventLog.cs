using Classroom.Runtime.EventLogs;
using Classroom.Runtime.Serialization;

namespace Classroom.Runtime.EventLogs;

/// <summary>One grain's log, serialized through the grain serializer into an <see cref="IEventLogStorage"/>.</summary>
internal sealed class EventLog<TEvent>(GrainId grainId, string logName, IEventLogStorage storage, GrainSerializer serializer) : IEventLog<TEvent>
{
    public Task AppendAsync(long firstSequence, IReadOnlyList<TEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstSequence, 1);
        var payloads = new byte[events.Count][];
        for (var i = 0; i < payloads.Length; i++)
        {
            payloads[i] = serializer.Serialize(events[i]);
        }

        return storage.AppendAsync(grainId, logName, firstSequence, payloads, cancellationToken);
    }

    public async Task<IReadOnlyList<EventLogEntry<TEvent>>> ReadAsync(long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        var stored = await storage.ReadAsync(grainId, logName, afterSequence, maxCount, cancellationToken);
        var entries = new EventLogEntry<TEvent>[stored.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new EventLogEntry<TEvent>(stored[i].Sequence, serializer.Deserialize<TEvent>(stored[i].Payload));
        }

        return entries;
    }
}
