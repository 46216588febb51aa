namespace Classroom.Runtime.Invocation;

/// <summary>The runtime's entry point for calls made through generated grain references.</summary>
public interface IGrainCallInvoker
{
    /// <summary>Delivers <paramref name="request"/> to the activation of <paramref name="target"/>. Never blocks on the grain.</summary>
    void Send(GrainReference target, GrainRequest request);
}
