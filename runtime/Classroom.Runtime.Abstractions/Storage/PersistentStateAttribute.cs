namespace Classroom.Runtime.Storage;

/// <summary>Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/> to be filled by the runtime.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string storageName = GrainStorage.DefaultName) : Attribute
{
    /// <summary>The name of the state within the grain (a grain may have several).</summary>
    public string StateName { get; } = stateName;

    /// <summary>The name of the registered storage provider.</summary>
    public string StorageName { get; } = storageName;
}
