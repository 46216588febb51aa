using Classroom.Contracts.Errors;
using Classroom.Gateway.Fanout;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Classroom.Gateway.Hubs;

/// <summary>
/// Around every hub call: the connection's rate limit for the kind of call (chat, votes, the rest), and refusals turned
/// into <see cref="HubException"/>s whose message a person can read. Other failures are logged and answered generically.
/// </summary>
internal sealed class HubGuard(IOptions<GatewayOptions> options, TimeProvider time, ILogger<HubGuard> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var method = invocationContext.HubMethodName;
        var kind = Kind(method);
        var bucket = ConnectionState.Of(invocationContext.Context).Buckets.GetOrAdd(kind, static (k, guard) => guard.Create(k), this);
        if (!bucket.TryTake())
        {
            throw new HubException($"Too many {kind} calls: slow down and try again in a moment.");
        }

        try
        {
            return await next(invocationContext);
        }
        catch (ClassroomException e)
        {
            throw new HubException(e.Message);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new HubException("Invalid arguments: " + e.Message);
        }
        catch (Exception e) when (e is not HubException)
        {
            FanoutLog.HubMethodFailed(logger, e, method);
            throw new HubException("Something went wrong on our side; try again.");
        }
    }

    private static string Kind(string method) => method switch
    {
        "PostChat" => "chat",
        "Vote" => "vote",
        _ => "call",
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
