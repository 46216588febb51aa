namespace Classroom.Grains.Tests.Fixtures;

/// <summary>Counts calls of one grain method as they reach their grain, and says when a number of them have.</summary>
public sealed class CallCounter(string methodName, int expected) : IIncomingGrainCallFilter
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    /// <summary>Completes once <c>expected</c> calls have arrived.</summary>
    public Task Reached => _reached.Task;

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name == methodName && Interlocked.Increment(ref _count) >= expected)
        {
            _reached.TrySetResult();
        }

        return context.Invoke();
    }
}
