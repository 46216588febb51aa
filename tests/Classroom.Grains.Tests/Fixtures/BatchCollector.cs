using Classroom.Contracts.Board;
using Classroom.Contracts.Events;

namespace Classroom.Grains.Tests.Fixtures;

/// <summary>A classroom subscriber that collects its batches (in arrival order) and pointer notices, and lets a test await a sequence number or a pointer.</summary>
public sealed class BatchCollector : IClassroomObserver
{
    private readonly Lock _lock = new();
    private readonly List<ClassroomEventBatch> _batches = [];
    private readonly List<(long Seq, TaskCompletionSource Reached)> _waiters = [];
    private readonly List<IReadOnlyList<BoardPointer>> _pointers = [];
    private TaskCompletionSource _pointerArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The pointer notices received so far, in arrival order.</summary>
    public List<IReadOnlyList<BoardPointer>> Pointers
    {
        get
        {
            lock (_lock)
            {
                return [.. _pointers];
            }
        }
    }

    public Task OnPointersAsync(string classroomId, IReadOnlyList<BoardPointer> pointers)
    {
        TaskCompletionSource arrived;
        lock (_lock)
        {
            _pointers.Add(pointers);
            arrived = _pointerArrived;
            _pointerArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
        return Task.CompletedTask;
    }

    /// <summary>Waits (10 s at most) until a pointer notice satisfying <paramref name="match"/> has arrived; returns every notice so far.</summary>
    public async Task<List<IReadOnlyList<BoardPointer>>> WaitForPointerAsync(Func<BoardPointer, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            Task next;
            lock (_lock)
            {
                if (_pointers.Any(notice => notice.Any(match)))
                {
                    return [.. _pointers];
                }

                next = _pointerArrived.Task;
            }

            await next.WaitAsync(TimeSpan.FromTicks(Math.Max(0, (deadline - DateTime.UtcNow).Ticks)));
        }
    }

    public Task OnCommittedAsync(ClassroomEventBatch batch)
    {
        List<TaskCompletionSource> reached;
        lock (_lock)
        {
            _batches.Add(batch);
            reached = _waiters.Where(w => w.Seq <= batch.LastSeq).Select(w => w.Reached).ToList();
            _waiters.RemoveAll(w => w.Seq <= batch.LastSeq);
        }

        reached.ForEach(r => r.TrySetResult());
        return Task.CompletedTask;
    }

    public async Task<List<ClassroomEventBatch>> WaitForAsync(long seq)
    {
        Task reached;
        lock (_lock)
        {
            if (_batches.Count > 0 && _batches.Max(b => b.LastSeq) >= seq)
            {
                return [.. _batches];
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((seq, waiter));
            reached = waiter.Task;
        }

        await reached.WaitAsync(TimeSpan.FromSeconds(10));
        lock (_lock)
        {
            return [.. _batches];
        }
    }
}
