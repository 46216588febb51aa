using Classroom.Contracts.Questions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Classroom.Grains.Questions;

/// <summary>
/// One topic's live notices (see <see cref="IQaFeedGrain"/>): the gateways whose connections watch it subscribe, and
/// each notice goes to each of them once, one-way. Nothing is stored: a notice only says "look again".
/// </summary>
[GrainType("qa-feed")]
public sealed class QaFeedGrain(IOptions<QaOptions> options, ILogger<QaFeedGrain> logger) : Grain, IQaFeedGrain
{
    private readonly ObserverManager<IQaObserver> _subscribers = new(options.Value.FeedSubscriptionLifetime, logger);

    public Task SubscribeAsync(IQaObserver observer)
    {
        _subscribers.Subscribe(observer, observer);
        _subscribers.ClearExpired();
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IQaObserver observer)
    {
        _subscribers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task PublishAsync(QaNotice notice)
    {
        var topic = this.GetPrimaryKeyString();
        _subscribers.Notify(subscriber => subscriber.OnNoticeAsync(topic, notice));
        return Task.CompletedTask;
    }
}
