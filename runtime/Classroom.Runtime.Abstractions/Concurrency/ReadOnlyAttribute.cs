namespace Classroom.Runtime.Concurrency;

/// <summary>
/// A grain interface method that does not change the grain's state: it may interleave with other read-only calls,
/// never with a call that writes.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ReadOnlyAttribute : Attribute;
