namespace Classroom.Runtime;

/// <summary>Marker for grain interfaces. Every async method of a grain interface is a grain call.</summary>
public interface IGrain;

/// <summary>A grain whose identity within its grain type is a string key.</summary>
public interface IGrainWithStringKey : IGrain;
