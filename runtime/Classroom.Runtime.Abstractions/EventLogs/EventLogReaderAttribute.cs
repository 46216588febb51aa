using Classroom.Runtime.Storage;

namespace Classroom.Runtime.EventLogs;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IEventLogReader{TEvent}"/>: read-only access to log
/// <paramref name="logName"/> of the grain of type <paramref name="grainType"/> with the same key as this grain. The
/// log's owner need not be active: a read model of a log (a replay, a report) reads storage, never the writer.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class EventLogReaderAttribute(string grainType, string logName, string storageName = GrainStorage.DefaultName) : Attribute
{
    /// <summary>The grain type name of the log's owner.</summary>
    public string GrainType { get; } = grainType;

    /// <summary>The name of the log within its owner.</summary>
    public string LogName { get; } = logName;

    /// <summary>The name of the registered event log storage.</summary>
    public string StorageName { get; } = storageName;
}
