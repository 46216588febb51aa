namespace Classroom.Runtime;

/// <summary>A grain call did not complete within the call timeout (a slow grain, or a call cycle that waits on itself).</summary>
public sealed class GrainCallTimeoutException : TimeoutException
{
    /// <summary>Creates the exception with a message naming the grain and the method.</summary>
    public GrainCallTimeoutException(string message) : base(message)
    {
    }

    internal static GrainCallTimeoutException For(GrainId grain, string method, TimeSpan timeout) =>
        new($"The call {method} to grain {grain} did not complete within {timeout.TotalSeconds:0.###} s. " +
            "A grain that calls itself, or a cycle of calls between non-reentrant grains, waits until this timeout.");
}
