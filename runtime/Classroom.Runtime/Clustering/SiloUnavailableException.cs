namespace Classroom.Runtime.Clustering;

/// <summary>A call could not reach any silo able to run its grain.</summary>
public sealed class SiloUnavailableException(string message) : Exception(message);
