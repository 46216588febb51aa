using Classroom.Contracts.Events;

namespace Classroom.Grains.Classrooms;

public sealed partial class ClassroomGrain
{
    public Task<long> SubscribeAsync(IClassroomObserver observer)
    {
        _subscribers.Subscribe(observer, observer);
        _subscribers.ClearExpired();
        return Task.FromResult(_committedSeq);
    }

    public Task UnsubscribeAsync(IClassroomObserver observer)
    {
        _subscribers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Sends a committed batch to every subscriber, in commit order. The calls are one-way: a slow or dead gateway
    /// holds up neither the commit nor the other gateways. Orleans does not promise that messages arrive in the order
    /// they were sent, nor at all across a silo's death: a subscriber orders batches by seq and fills gaps from the log.
    /// </summary>
    private void Publish(List<ClassroomEvent> batch)
    {
        if (_subscribers.Count == 0)
        {
            return;
        }

        var item = new ClassroomEventBatch(Id, batch[0].Seq, batch[^1].Seq, batch);
        _subscribers.Notify(subscriber => subscriber.OnCommittedAsync(item));
    }
}
