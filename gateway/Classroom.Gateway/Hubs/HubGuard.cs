using System.Collections.Concurrent;
using System.Globalization;
using Classroom.Contracts.Errors;
using Classroom.Gateway.Fanout;
using Classroom.Gateway.Localization;
using Classroom.Persistence.Storage;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Classroom.Gateway.Hubs;

/// <summary>
/// Around every hub call: the connection's rate limit for the kind of call (chat, votes, drawing, the rest), and refusals turned
/// into <see cref="HubException"/>s whose message is <c>[code] sentence</c>, the sentence in the connection's language
/// (decided when it connects). Refusals are expected outcomes: counted (<see cref="HubMetrics"/>) and logged at Debug
/// only. Other failures are answered generically, counted, and logged at Error a few times a minute per method at most,
/// so one connection cannot flood the log.
/// </summary>
internal sealed partial class HubGuard(
    IOptions<GatewayOptions> options, RefusalLocalizer texts, HubMetrics metrics, TimeProvider time, ILogger<HubGuard> logger) : IHubFilter
{
    /// <summary>Per hub method, how many unexpected failures may be logged with their stack trace: 5 at once, then one every 10 s.</summary>
    private readonly ConcurrentDictionary<string, TokenBucket> _failureLogs = new(StringComparer.Ordinal);

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ConnectionState.Of(context.Context).Language = ClassroomLanguages.Of(context.Context.GetHttpContext());
        return next(context);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var method = invocationContext.HubMethodName;
        var state = ConnectionState.Of(invocationContext.Context);

        // Set for this call only: an async method's changes to the culture do not flow back to its caller.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = state.Language;
        var kind = Kind(method);
        var bucket = state.Buckets.GetOrAdd(kind, static (k, guard) => guard.Create(k), this);
        if (!bucket.TryTake())
        {
            throw Refusal(RateLimitCode(kind), method);
        }

        try
        {
            return await next(invocationContext);
        }
        catch (ClassroomException e)
        {
            Counted(e.Code, method);
            throw new HubException(RefusalLocalizer.ForHub(e.Code, texts.Say(e)));
        }
        catch (StorageUnavailableException)
        {
            // The silo logged the database's failure; here it is an expected outcome of a restart, said and counted.
            throw Refusal(Refusals.ServerUnavailable, method);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw Refusal(Refusals.HubInvalidArguments, method, e.Message);
        }
        catch (Exception e) when (e is not HubException)
        {
            metrics.Failed(method);
            if (_failureLogs.GetOrAdd(method, static (_, t) => new TokenBucket(0.1, 5, t), time).TryTake())
            {
                FanoutLog.HubMethodFailed(logger, e, method);
            }

            throw new HubException(RefusalLocalizer.ForHub(Refusals.ServerError, texts.Say(Refusals.ServerError)));
        }
    }

    private HubException Refusal(string code, string method, params object?[] arguments)
    {
        Counted(code, method);
        return new HubException(RefusalLocalizer.ForHub(code, texts.Say(code, arguments)));
    }

    private void Counted(string code, string method)
    {
        metrics.Refused(code);
        Refused(logger, method, code);
    }

    [LoggerMessage(1, LogLevel.Debug, "Hub call {Method} refused: {Code}")]
    private static partial void Refused(ILogger logger, string method, string code);

    private static string Kind(string method) => method switch
    {
        "PostChat" => "chat",
        "Vote" => "vote",
        "StartStroke" or "ExtendStroke" or "EndStroke" or "DrawShape" or "EraseStrokes" or "MovePointer" => "draw",
        _ => "call",
    };

    private static string RateLimitCode(string kind) => kind switch
    {
        "chat" => Refusals.HubRateLimitChat,
        "vote" => Refusals.HubRateLimitVote,
        "draw" => Refusals.HubRateLimitDraw,
        _ => Refusals.HubRateLimitCall,
    };

    private TokenBucket Create(string kind)
    {
        var o = options.Value;
        return kind switch
        {
            "chat" => new TokenBucket(o.ChatPerSecond, o.ChatBurst, time),
            "vote" => new TokenBucket(o.VotesPerSecond, o.VoteBurst, time),
            "draw" => new TokenBucket(o.DrawPerSecond, o.DrawBurst, time),
            _ => new TokenBucket(o.CallsPerSecond, o.CallBurst, time),
        };
    }
}
