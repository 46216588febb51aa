using Classroom.Runtime.Serialization;

namespace Classroom.Runtime.EventLogs;

/// <summary>One grain's log, serialized through the grain serializer into an <see cref="IEventLogStorage"/>.</summary>
internal sealed class EventLog<TEvent>(GrainId grainId, string logName, IEventLogStorage storage, GrainSerializer serializer)
    : EventLogReader<TEvent>(grainId, logName, storage, serializer), IEventLog<TEvent>
{
    public Task AppendAsync(long firstSequence, IReadOnlyList<TEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstSequence, 1);
        var payloads = new byte[events.Count][];
        for (var i = 0; i < payloads.Length; i++)
        {
            payloads[i] = Serializer.Serialize(events[i]);
        }

        return Storage.AppendAsync(GrainId, LogName, firstSequence, payloads, cancellationToken);
    }
}
