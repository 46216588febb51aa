using System.Globalization;
using Classroom.Contracts.Errors;
using Classroom.Gateway.Fanout;
using Classroom.Gateway.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Classroom.Gateway.Hubs;

/// <summary>
/// Around every hub call: the connection's rate limit for the kind of call (chat, votes, the rest), and refusals turned
/// into <see cref="HubException"/>s whose message is <c>[code] sentence</c>, the sentence in the connection's language
/// (decided when it connects). Other failures are logged and answered generically.
/// </summary>
internal sealed class HubGuard(IOptions<GatewayOptions> options, RefusalLocalizer texts, TimeProvider time, ILogger<HubGuard> logger) : IHubFilter
{
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
            throw Refusal(RateLimitCode(kind));
        }

        try
        {
            return await next(invocationContext);
        }
        catch (ClassroomException e)
        {
            throw new HubException(RefusalLocalizer.ForHub(e.Code, texts.Say(e)));
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw Refusal(Refusals.HubInvalidArguments, e.Message);
        }
        catch (Exception e) when (e is not HubException)
        {
            FanoutLog.HubMethodFailed(logger, e, method);
            throw Refusal(Refusals.ServerError);
        }
    }

    private HubException Refusal(string code, params object?[] arguments) => new(RefusalLocalizer.ForHub(code, texts.Say(code, arguments)));

    private static string Kind(string method) => method switch
    {
        "PostChat" => "chat",
        "Vote" => "vote",
        _ => "call",
    };

    private static string RateLimitCode(string kind) => kind switch
    {
        "chat" => Refusals.HubRateLimitChat,
        "vote" => Refusals.HubRateLimitVote,
        _ => Refusals.HubRateLimitCall,
    };

    private TokenBucket Create(string kind)
    {
        var o = options.Value;
        return kind switch
        {
            "chat" => new TokenBucket(o.ChatPerSecond, o.ChatBurst, time),
            "vote" => new TokenBucket(o.VotesPerSecond, o.VoteBurst, time),
            _ => new TokenBucket(o.CallsPerSecond, o.CallBurst, time),
        };
    }
}
