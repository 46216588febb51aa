using Classroom.Runtime.Diagnostics;
using Classroom.Runtime.Scheduling;
using Classroom.Runtime.Storage;

namespace Classroom.Runtime.Catalog;

internal sealed partial class Activation
{
    private readonly List<IActivationState> _states = [];
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the activation has left the catalog.</summary>
    public Task Deactivated => _deactivated.Task;

    public void AddState(IActivationState state) => _states.Add(state);

    private async Task ActivateAsync()
    {
        try
        {
            var previous = RuntimeContext.Enter(this);
            try
            {
                _grain = Class.Create(Runtime.Services, this);
            }
            finally
            {
                RuntimeContext.Exit(previous);
            }

            foreach (var state in _states)
            {
                await state.ReadStateAsync(Runtime.ShutdownToken);
            }

            await _grain.OnActivateAsync(Runtime.ShutdownToken);
        }
        catch (Exception e)
        {
            FailActivation(e);
            return;
        }

        Runtime.Metrics.ActivationAdded();
        var deactivate = false;
        var idle = false;
        lock (_lock)
        {
            _status = ActivationStatus.Valid;
            _lastActivity = Runtime.TimeProvider.GetTimestamp();
            if (_deactivationRequested)
            {
                _status = ActivationStatus.Deactivating;
                deactivate = true;
            }
            else
            {
                Pump();
                idle = BecameIdle();
            }
        }

        if (idle)
        {
            Runtime.Quiescence!.Exit();
        }

        if (deactivate)
        {
            await DeactivateAsync();
        }
    }

    private void FailActivation(Exception exception)
    {
        RuntimeLog.ActivationFailed(Runtime.Logger, exception, GrainId);
        List<Message> pending;
        lock (_lock)
        {
            _status = ActivationStatus.Invalid;
            pending = DrainInbox();
        }

        Runtime.Catalog.Remove(this);
        foreach (var message in pending)
        {
            // The callers that triggered the activation get the grain's own exception; the next call tries afresh.
            message.Request.TryFail(exception);
        }

        ClearBusy();
        _deactivated.TrySetResult();
    }

    /// <summary>Deactivates once running requests finish; queued and later calls go to a new activation.</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        var deactivate = false;
        lock (_lock)
        {
            if (_deactivationRequested || _status is ActivationStatus.Deactivating or ActivationStatus.Invalid)
            {
                return;
            }

            _deactivationRequested = true;
            _deactivationReason = reason;
            if (_status == ActivationStatus.Created)
            {
                _status = ActivationStatus.Invalid;
            }
            else if (_status == ActivationStatus.Valid && _running.Count == 0)
            {
                _status = ActivationStatus.Deactivating;
                MarkBusy();
                deactivate = true;
            }
        }

        if (Status == ActivationStatus.Invalid)
        {
            Runtime.Catalog.Remove(this);
            _deactivated.TrySetResult();
        }
        else if (deactivate)
        {
            Scheduler.Post(static state => _ = ((Activation)state!).DeactivateAsync(), this);
        }
    }

    /// <summary>Starts deactivating if the activation has been idle for <paramref name="age"/> timestamp units.</summary>
    public void CollectIfIdle(long now, long age)
    {
        lock (_lock)
        {
            if (_status != ActivationStatus.Valid || _deactivationRequested || _running.Count > 0 || _inbox.Count > 0 || now - _lastActivity < age)
            {
                return;
            }

            _deactivationRequested = true;
            _deactivationReason = DeactivationReason.IdleCollection;
            _status = ActivationStatus.Deactivating;
            MarkBusy();
        }

        Scheduler.Post(static state => _ = ((Activation)state!).DeactivateAsync(), this);
    }

    private async Task DeactivateAsync()
    {
        DisposeTimers();
        EndSubscriptions();
        try
        {
            using var timeout = new CancellationTokenSource(Runtime.Options.ShutdownTimeout);
            await _grain!.OnDeactivateAsync(_deactivationReason, timeout.Token);
        }
        catch (Exception e)
        {
            RuntimeLog.DeactivationFailed(Runtime.Logger, e, GrainId);
        }

        List<Message> pending;
        lock (_lock)
        {
            _status = ActivationStatus.Invalid;
            pending = DrainInbox();
        }

        Runtime.Catalog.Remove(this);
        RuntimeLog.Deactivated(Runtime.Logger, GrainId, _deactivationReason);
        foreach (var message in pending)
        {
            if (message.Pinned)
            {
                message.Request.TryFail(new InvalidOperationException($"Grain {GrainId} was deactivated before this turn ran."));
            }
            else if (!message.Expired)
            {
                // Calls that arrived while deactivating reach the grain's next activation.
                Runtime.Catalog.Deliver(GrainId, message, target: null);
            }
        }

        ClearBusy();
        _deactivated.TrySetResult();
    }

    private List<Message> DrainInbox()
    {
        var pending = new List<Message>(_inbox.Count);
        while (_inbox.TryDequeue(out var message))
        {
            pending.Add(message);
        }

        Runtime.Metrics.Queued(-pending.Count);
        return pending;
    }
}
