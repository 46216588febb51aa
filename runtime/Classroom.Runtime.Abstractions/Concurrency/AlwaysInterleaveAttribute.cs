namespace Classroom.Runtime.Concurrency;

/// <summary>A grain interface method that may interleave with any other call of the activation.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AlwaysInterleaveAttribute : Attribute;
