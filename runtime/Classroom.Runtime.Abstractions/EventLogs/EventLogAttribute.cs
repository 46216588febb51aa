using Classroom.Runtime.Storage;

namespace Classroom.Runtime.EventLogs;

/// <summary>Marks a grain constructor parameter of type <see cref="IEventLog{TEvent}"/> to be filled by the runtime.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class EventLogAttribute(string logName, string storageName = GrainStorage.DefaultName) : Attribute
{
    /// <summary>The name of the log within the grain.</summary>
    public string LogName { get; } = logName;

    /// <summary>The name of the registered event log storage.</summary>
    public string StorageName { get; } = storageName;
}
