using System.Collections.Concurrent;
using Classroom.Contracts.Questions;
using Classroom.Gateway.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Classroom.Gateway.Questions;

/// <summary>
/// Carries the Q&amp;A centre's live notices to the connections that watch them. One subscription per topic for the
/// whole gateway (to the topic's <see cref="IQaFeedGrain"/>), made when its first connection watches, renewed every
/// <see cref="GatewayOptions.QaSubscriptionRenewal"/> while any connection still does, ended when the last one goes;
/// each notice goes to the topic's SignalR group as <c>qa(topic, notice)</c>.
/// </summary>
internal sealed partial class QaNotifier(
    IClusterClient client, IHubContext<ClassroomHub> hub, IOptions<GatewayOptions> options, TimeProvider time, ILogger<QaNotifier> logger)
    : BackgroundService, IQaObserver
{
    private readonly ConcurrentDictionary<string, HashSet<string>> _watchers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<string>> _topicsOf = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private IQaObserver? _reference;

    /// <summary>The SignalR group of a topic's watchers.</summary>
    public static string Group(string topic) => $"qa:{topic}";

    /// <summary>Adds the connection to the topic's watchers, subscribing the gateway if it is the first.</summary>
    public async Task WatchAsync(string connectionId, string topic)
    {
        bool first;
        lock (_lock)
        {
            var watchers = _watchers.GetOrAdd(topic, _ => new HashSet<string>(StringComparer.Ordinal));
            first = watchers.Count == 0;
            watchers.Add(connectionId);
            _topicsOf.GetOrAdd(connectionId, _ => new HashSet<string>(StringComparer.Ordinal)).Add(topic);
        }

        await hub.Groups.AddToGroupAsync(connectionId, Group(topic));
        if (first)
        {
            await Feed(topic).SubscribeAsync(Reference());
        }
    }

    /// <summary>Stops the connection watching <paramref name="topic"/>; the gateway unsubscribes when nobody here watches it.</summary>
    public async Task UnwatchAsync(string connectionId, string topic)
    {
        bool last;
        lock (_lock)
        {
            if (!_topicsOf.TryGetValue(connectionId, out var topics) || !topics.Remove(topic))
            {
                return;
            }

            last = _watchers.TryGetValue(topic, out var watchers) && watchers.Remove(connectionId) && watchers.Count == 0;
            if (last)
            {
                _watchers.TryRemove(topic, out _);
            }
        }

        await hub.Groups.RemoveFromGroupAsync(connectionId, Group(topic));
        if (last)
        {
            await Feed(topic).UnsubscribeAsync(Reference());
        }
    }

    /// <summary>Forgets a closed connection; topics nobody watches any more are unsubscribed.</summary>
    public void Forget(string connectionId)
    {
        List<string> unwatched = [];
        lock (_lock)
        {
            if (!_topicsOf.TryRemove(connectionId, out var topics))
            {
                return;
            }

            foreach (var topic in topics)
            {
                if (_watchers.TryGetValue(topic, out var watchers) && watchers.Remove(connectionId) && watchers.Count == 0)
                {
                    _watchers.TryRemove(topic, out _);
                    unwatched.Add(topic);
                }
            }
        }

        foreach (var topic in unwatched)
        {
            Feed(topic).UnsubscribeAsync(Reference()).Ignore();
        }
    }

    public Task OnNoticeAsync(string topic, QaNotice notice) => hub.Clients.Group(Group(topic)).SendAsync("qa", topic, notice);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.QaSubscriptionRenewal, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                string[] topics;
                lock (_lock)
                {
                    topics = [.. _watchers.Keys];
                }

                foreach (var topic in topics)
                {
                    try
                    {
                        await Feed(topic).SubscribeAsync(Reference());
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        RenewalFailed(logger, e, topic);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private IQaFeedGrain Feed(string topic) => client.GetGrain<IQaFeedGrain>(topic);

    private IQaObserver Reference() => _reference ??= client.CreateObjectReference<IQaObserver>(this);

    [LoggerMessage(1, LogLevel.Warning, "Q&A topic {Topic}: renewing the subscription failed; retrying at the next renewal")]
    private static partial void RenewalFailed(ILogger logger, Exception exception, string topic);
}
