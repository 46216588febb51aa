using Classroom.Runtime.Scheduling;

namespace Classroom.Runtime.Catalog;

/// <summary>
/// The one live instance of a grain in this silo: its inbox, the requests it is running, and its lifecycle.
/// A request starts when the interleaving rules allow it, otherwise it waits in arrival order.
/// </summary>
internal sealed partial class Activation
{
    private readonly Lock _lock = new();
    private readonly Queue<Message> _inbox = new();
    private readonly List<Message> _running = new(1);
    private ActivationStatus _status;
    private int _blockingRunning;   // running requests that are not AlwaysInterleave
    private int _writersRunning;    // running requests that are neither AlwaysInterleave nor ReadOnly
    private bool _deactivationRequested;
    private DeactivationReason _deactivationReason;
    private long _lastActivity;
    private Grain? _grain;
    private bool _busy;

    public Activation(GrainId grainId, GrainClass grainClass, GrainRuntime runtime)
    {
        GrainId = grainId;
        Class = grainClass;
        Runtime = runtime;
        Scheduler = new ActivationScheduler(this, runtime.Logger);
    }

    public GrainId GrainId { get; }

    public GrainClass Class { get; }

    public GrainRuntime Runtime { get; }

    public ActivationScheduler Scheduler { get; }

    public ActivationStatus Status
    {
        get
        {
            lock (_lock)
            {
                return _status;
            }
        }
    }

    /// <summary>Queues or starts <paramref name="message"/>; false when this activation is gone and the sender must look again.</summary>
    public bool TryEnqueue(Message message)
    {
        lock (_lock)
        {
            switch (_status)
            {
                case ActivationStatus.Invalid:
                    return false;
                case ActivationStatus.Created:
                    _status = ActivationStatus.Activating;
                    MarkBusy();
                    Enqueue(message);
                    Scheduler.Post(static state => _ = ((Activation)state!).ActivateAsync(), this);
                    return true;
                case ActivationStatus.Valid when !_deactivationRequested && CanStart(message) && (_inbox.Count == 0 || message.AlwaysInterleave):
                    MarkBusy();
                    Start(message);
                    return true;
                case ActivationStatus.Valid:
                    MarkBusy();
                    Enqueue(message);
                    Pump();
                    return true;
                default:
                    MarkBusy();
                    Enqueue(message);
                    return true;
            }
        }
    }

    private void Enqueue(Message message)
    {
        _inbox.Enqueue(message);
        Runtime.Metrics.Queued(1);
    }

    private bool CanStart(Message message) =>
        message.AlwaysInterleave
        || Class.IsReentrant
        || (message.ReadOnly ? _writersRunning == 0 : _blockingRunning == 0);

    /// <summary>Starts queued messages from the head while the rules allow. Caller holds the lock.</summary>
    private void Pump()
    {
        while (_status == ActivationStatus.Valid && !_deactivationRequested && _inbox.TryPeek(out var head))
        {
            if (head.Expired)
            {
                _inbox.Dequeue();
                Runtime.Metrics.Queued(-1);
                continue;
            }

            if (!CanStart(head))
            {
                return;
            }

            _inbox.Dequeue();
            Runtime.Metrics.Queued(-1);
            Start(head);
        }
    }

    /// <summary>Marks a message running and posts it to the scheduler. Caller holds the lock.</summary>
    private void Start(Message message)
    {
        _running.Add(message);
        if (!message.AlwaysInterleave)
        {
            _blockingRunning++;
            if (!message.ReadOnly)
            {
                _writersRunning++;
            }
        }

        Scheduler.Post(static state => ((Message)state!).Activation!.Run((Message)state), message.WithActivation(this));
    }

    private void Run(Message message)
    {
        var turn = message.Request.RunAsync(_grain!);
        if (turn.IsCompleted)
        {
            OnTurnCompleted(message);
        }
        else
        {
            turn.ContinueWith(static (_, state) => ((Message)state!).Activation!.OnTurnCompleted((Message)state), message,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void OnTurnCompleted(Message message)
    {
        var deactivate = false;
        bool idle;
        lock (_lock)
        {
            _running.Remove(message);
            if (!message.AlwaysInterleave)
            {
                _blockingRunning--;
                if (!message.ReadOnly)
                {
                    _writersRunning--;
                }
            }

            if (message.KeepAlive)
            {
                _lastActivity = Runtime.TimeProvider.GetTimestamp();
            }

            if (_deactivationRequested && _running.Count == 0 && _status == ActivationStatus.Valid)
            {
                _status = ActivationStatus.Deactivating;
                deactivate = true;
            }
            else
            {
                Pump();
            }

            idle = BecameIdle();
        }

        if (deactivate)
        {
            Scheduler.Post(static state => _ = ((Activation)state!).DeactivateAsync(), this);
        }

        Runtime.Metrics.CallCompleted(message);

        // The caller's continuation may run inline here; it must not run as if it were this grain's code.
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            message.Request.CompleteCaller();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }

        // After the caller's continuation ran: what it does synchronously (re-arming a timer) happens before idle.
        if (idle)
        {
            Runtime.Quiescence!.Exit();
        }
    }

    /// <summary>Counts this activation as having work. Caller holds the lock.</summary>
    private void MarkBusy()
    {
        if (!_busy && Runtime.Quiescence is { } quiescence)
        {
            _busy = true;
            quiescence.Enter();
        }
    }

    /// <summary>True when the activation just ran out of work; the caller then calls Exit outside the lock.</summary>
    private bool BecameIdle()
    {
        if (!_busy || _running.Count > 0 || _inbox.Count > 0 || _status != ActivationStatus.Valid)
        {
            return false;
        }

        _busy = false;
        return true;
    }

    /// <summary>Marks the activation as having no more work (it left the catalog). Caller holds no lock.</summary>
    private void ClearBusy()
    {
        bool wasBusy;
        lock (_lock)
        {
            wasBusy = _busy;
            _busy = false;
        }

        if (wasBusy)
        {
            Runtime.Quiescence?.Exit();
        }
    }

    /// <summary>Fails callers whose deadline passed, queued or running. Called by the maintenance loop.</summary>
    public void ExpireCalls(long now, List<Message> expired)
    {
        // Running calls first: a call that waits on a queued one (a cycle) is failed with its own timeout, not the inner call's.
        lock (_lock)
        {
            foreach (var message in _running.Concat(_inbox))
            {
                if (!message.Expired && message.Deadline <= now)
                {
                    message.Expired = true;
                    expired.Add(message);
                }
            }
        }
    }
}

/// <summary>Where an activation is in its life.</summary>
internal enum ActivationStatus
{
    Created,
    Activating,
    Valid,
    Deactivating,
    Invalid,
}
