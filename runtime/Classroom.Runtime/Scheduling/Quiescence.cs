namespace Classroom.Runtime.Scheduling;

/// <summary>
/// Counts activations that have work (running, queued, activating or deactivating) and signals when none has. Off by
/// default (it costs two atomic operations per call); the test kit turns it on to move a fake clock deterministically.
/// </summary>
internal sealed class Quiescence
{
    private readonly Lock _lock = new();
    private int _busy;
    private TaskCompletionSource? _idle;

    public void Enter()
    {
        lock (_lock)
        {
            _busy++;
        }
    }

    public void Exit()
    {
        TaskCompletionSource? idle = null;
        lock (_lock)
        {
            if (--_busy == 0)
            {
                (idle, _idle) = (_idle, null);
            }
        }

        idle?.TrySetResult();
    }

    public Task WhenIdleAsync()
    {
        lock (_lock)
        {
            return _busy == 0 ? Task.CompletedTask : (_idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }
}
