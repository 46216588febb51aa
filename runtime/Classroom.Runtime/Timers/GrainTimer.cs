using Classroom.Runtime.Catalog;
using Classroom.Runtime.Diagnostics;
using Classroom.Runtime.Scheduling;

namespace Classroom.Runtime.Timers;

/// <summary>
/// A timer whose ticks are turns of its activation. The next tick is armed when a callback finishes, so callbacks
/// never overlap and a slow callback delays the schedule rather than piling up ticks.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly Activation _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly GrainTimerCreationOptions _options;
    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private TimeSpan _dueTime;
    private TimeSpan _period;

    public GrainTimer(Activation activation, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        _activation = activation;
        _callback = callback;
        _options = options;
        _dueTime = options.DueTime;
        _period = options.Period;
    }

    public void Start()
    {
        lock (_lock)
        {
            _timer = _activation.Runtime.TimeProvider.CreateTimer(static state => ((GrainTimer)state!).Tick(), this, _dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
            _dueTime = dueTime;
            _period = period;
            _timer?.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    private void Tick()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        var method = _options.Interleave ? TurnRequest.InterleavingTimer : TurnRequest.Timer;
        var request = new TurnRequest(method, _callback, _disposed.Token);
        var completion = request.PrepareCompletion();
        var message = new Message(_activation.GrainId, request, _activation.Runtime.Deadline(), pinned: true, keepAlive: _options.KeepAlive);
        if (!_activation.TryEnqueue(message))
        {
            Dispose();
            return;
        }

        completion.ContinueWith(static (task, state) => ((GrainTimer)state!).OnTickCompleted(task), this,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void OnTickCompleted(Task task)
    {
        if (task.Exception is { } error && !_disposed.IsCancellationRequested)
        {
            RuntimeLog.TimerFailed(_activation.Runtime.Logger, error.InnerException ?? error, _activation.GrainId);
        }

        lock (_lock)
        {
            if (!_disposed.IsCancellationRequested && _period != Timeout.InfiniteTimeSpan)
            {
                _timer?.Change(_period, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed.IsCancellationRequested)
            {
                return;
            }

            _disposed.Cancel();
            _timer?.Dispose();
        }

        _activation.RemoveTimer(this);
    }
}
