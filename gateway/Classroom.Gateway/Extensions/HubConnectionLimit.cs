using System.Threading.RateLimiting;
using Classroom.Contracts.Errors;
using Classroom.Gateway.Accounts;
using Classroom.Gateway.Api;
using Classroom.Gateway.Localization;
using Microsoft.AspNetCore.RateLimiting;

namespace Classroom.Gateway.Extensions;

/// <summary>
/// New hub connections per minute per user (or per client address before sign-in): <see cref="GatewayOptions.ConnectionsPerMinute"/>.
/// </summary>
internal static class HubConnectionLimit
{
    public const string Policy = "hub-connections";

    /// <summary>
    /// The limiter a request to the hub counts against. SignalR opens a connection with two requests (the negotiate
    /// POST, then the transport's request carrying the negotiated <c>id</c>) and long polling makes one per poll: only the
    /// request that starts a connection counts (negotiate, or a WebSocket that skipped negotiation), so the limit is in
    /// connections, not requests. A made-up <c>id</c> gains nothing: SignalR refuses an id it did not hand out.
    /// </summary>
    public static RateLimitPartition<string> Partition(HttpContext context, int perMinute)
    {
        var negotiate = context.Request.Path.Value?.EndsWith("/negotiate", StringComparison.Ordinal) is true;
        if (!negotiate && context.Request.Query.ContainsKey("id"))
        {
            return RateLimitPartition.GetNoLimiter("negotiated");
        }

        var caller = context.User.FindFirst(CurrentUser.IdClaim)?.Value is { } id ? $"user:{id}" : $"address:{context.Connection.RemoteIpAddress}";
        return RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
        });
    }

    /// <summary>
    /// A refused request gets what every 429 of the gateway carries: <c>Retry-After</c> and a problem whose code names the
    /// limit (this is the one rejection handler of ASP.NET's rate limiter, for every policy).
    /// </summary>
    public static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var texts = context.RequestServices.GetRequiredService<RefusalLocalizer>();
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        var code = policy switch
        {
            Questions.QaWriteLimit.Policy => Refusals.QaRateLimit,
            Media.MediaUploadLimit.Policy => Refusals.MediaRateLimit,
            _ => Refusals.HubConnectionRateLimit,
        };
        await TooManyRequests.Problem(context, texts, code, wait).ExecuteAsync(context);
    }
}
