using Classroom.Contracts.Events;

namespace Classroom.Grains.Tests.Fixtures;

/// <summary>A classroom subscriber that collects its batches (in arrival order) and lets a test await a sequence number.</summary>
public sealed class BatchCollector : IClassroomObserver
{
    private readonly Lock _lock = new();
    private readonly List<ClassroomEventBatch> _batches = [];
    private readonly List<(long Seq, TaskCompletionSource Reached)> _waiters = [];

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
