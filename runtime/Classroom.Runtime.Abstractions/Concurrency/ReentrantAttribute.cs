namespace Classroom.Runtime.Concurrency;

/// <summary>
/// Lets calls to a grain class interleave at their await points. They still never run in parallel: the activation
/// runs one piece of code at a time. Use it only when every method keeps the grain's state consistent across awaits.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReentrantAttribute : Attribute;
