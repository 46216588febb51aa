namespace Classroom.Runtime;

/// <summary>
/// Pins the grain type name of a grain class. The name is part of every stored grain identity, so pin it before
/// shipping; without it the name is the class name without its <c>Grain</c> suffix, in lower case.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    /// <summary>The grain type name.</summary>
    public string Name { get; } = name;
}
