using Classroom.Contracts.Events;
using Classroom.Runtime.Streams;

namespace Classroom.Grains.Tests.Fixtures;

/// <summary>Collects a classroom stream's batches and lets a test await a sequence number.</summary>
public sealed class BatchCollector : IAsyncObserver<ClassroomEventBatch>
{
    private readonly Lock _lock = new();
    private readonly List<ClassroomEventBatch> _batches = [];
    private readonly List<(long Seq, TaskCompletionSource Reached)> _waiters = [];

    public Task OnNextAsync(ClassroomEventBatch item)
    {
        List<TaskCompletionSource> reached;
        lock (_lock)
        {
            _batches.Add(item);
            reached = _waiters.Where(w => w.Seq <= item.LastSeq).Select(w => w.Reached).ToList();
            _waiters.RemoveAll(w => w.Seq <= item.LastSeq);
        }

        reached.ForEach(r => r.TrySetResult());
        return Task.CompletedTask;
    }

    public async Task<List<ClassroomEventBatch>> WaitForAsync(long seq)
    {
        Task reached;
        lock (_lock)
        {
            if (_batches.Count > 0 && _batches[^1].LastSeq >= seq)
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
