namespace Classroom.Persistence.EventLogs;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IEventLog{TEvent}"/>: Orleans fills it the way it fills
/// <see cref="PersistentStateAttribute"/> parameters (a facet, mapped by <see cref="EventLogAttributeMapper"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class EventLogAttribute(string logName, string storageName = EventLogStorages.DefaultName) : Attribute, IFacetMetadata
{
    /// <summary>The name of the log within the grain.</summary>
    public string LogName { get; } = logName;

    /// <summary>The name of the registered event log storage.</summary>
    public string StorageName { get; } = storageName;
}

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IEventLogReader{TEvent}"/>: read-only access to log
/// <paramref name="logName"/> of the grain of type <paramref name="grainType"/> with the same key as this grain. The
/// log's owner need not be active: a read model of a log (a replay, a report) reads storage, never the writer.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class EventLogReaderAttribute(string grainType, string logName, string storageName = EventLogStorages.DefaultName) : Attribute, IFacetMetadata
{
    /// <summary>The grain type name of the log's owner (its <see cref="GrainTypeAttribute"/>).</summary>
    public string GrainType { get; } = grainType;

    /// <summary>The name of the log within its owner.</summary>
    public string LogName { get; } = logName;

    /// <summary>The name of the registered event log storage.</summary>
    public string StorageName { get; } = storageName;
}

/// <summary>Names shared by event log storages.</summary>
public static class EventLogStorages
{
    /// <summary>The storage a log uses when it names none: the same name as Orleans' default grain storage.</summary>
    public const string DefaultName = "Default";
}
