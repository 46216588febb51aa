using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;

namespace Classroom.Grains.Classrooms;

public sealed partial class ClassroomGrain
{
    /// <summary>Completes when every event applied so far is durable; fails if their commit failed.</summary>
    private Task CommitAsync() => WhenCommitted(_state.Seq);

    /// <summary>Completes when event <paramref name="seq"/> is durable.</summary>
    private Task WhenCommitted(long seq)
    {
        if (seq <= _committedSeq)
        {
            return Task.CompletedTask;
        }

        if (_inFlight is { } inFlight && seq <= inFlight.LastSeq)
        {
            return inFlight.Committed.Task;
        }

        _pendingCommitted ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _flushing ??= FlushAsync();
        return _pendingCommitted.Task;
    }

    /// <summary>
    /// Group commit: writes everything pending as one append, and whatever piled up meanwhile as the next one, until
    /// nothing is pending. A burst of thousands of actions costs a handful of writes.
    /// </summary>
    private async Task FlushAsync()
    {
        // Let the actions already queued behind this one raise their events into the first batch.
        await Task.Yield();
        while (_pending.Count > 0)
        {
            var batch = _pending;
            var committed = _pendingCommitted ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending = [];
            _pendingCommitted = null;
            _inFlight = (batch[^1].Seq, committed);
            try
            {
                await log.AppendAsync(batch[0].Seq, batch);
            }
            catch (Exception e)
            {
                Break(e, batch, committed);
                return;
            }

            _committedSeq = batch[^1].Seq;
            _inFlight = null;
            Retain(batch);
            Publish(batch);

            committed.TrySetResult();
            if (_pending.Count == 0 && _snapshotting is null && _committedSeq - _snapshotSeq >= _options.SnapshotEvery)
            {
                // Off the commit path: the next batch need not wait for a large snapshot to be written.
                _snapshotting = SaveSnapshotAsync();
            }
        }

        _flushing = null;
    }

    /// <summary>
    /// A commit failed: the state now holds events that are not in the log. Every waiting action fails, further actions
    /// are refused, and the activation goes away so the next one rebuilds from what the log really holds. The actions
    /// fail with the classroom's "recovering" refusal, not the storage's exception: that is logged here, and a database
    /// driver's exception may not cross to the gateway at all (Orleans has no codec for Npgsql's, for one).
    /// </summary>
    private void Break(Exception error, List<ClassroomEvent> batch, TaskCompletionSource committed)
    {
        _broken = error;
        CommitFailed(logger, error, Id, batch[0].Seq, batch[^1].Seq);
        var refusal = new ClassroomStateException(Refusals.LessonRecovering);
        committed.TrySetException(refusal);
        _pendingCommitted?.TrySetException(refusal);
        _pending = [];
        _pendingCommitted = null;
        _inFlight = null;
        _flushing = null;
        DeactivateOnIdle();
    }


    private void Retain(List<ClassroomEvent> batch)
    {
        _recent.AddRange(batch);
        var excess = _recent.Count - _options.RetainedEvents;
        if (excess > 0)
        {
            _recent.RemoveRange(0, excess);
        }
    }

    /// <summary>Stores the folded state; called only when every applied event is committed.</summary>
    private async Task SaveSnapshotAsync()
    {
        var seq = _state.Seq;
        try
        {
            // Serialized before the first await: events applied meanwhile do not leak into this snapshot.
            await snapshot.WriteStateAsync();
            _snapshotSeq = seq;
        }
        catch (Exception e)
        {
            SnapshotFailed(logger, e, Id, seq);
        }
        finally
        {
            _snapshotting = null;
        }
    }
}
