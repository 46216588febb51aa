namespace Classroom.Runtime.Streams;

/// <summary>Names shared by stream providers.</summary>
public static class StreamProviders
{
    /// <summary>The name of the stream provider a silo registers by default.</summary>
    public const string DefaultName = "Default";
}
