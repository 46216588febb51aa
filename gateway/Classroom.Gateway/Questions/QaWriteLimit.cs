using System.Threading.RateLimiting;
using Classroom.Gateway.Accounts;

namespace Classroom.Gateway.Questions;

/// <summary>
/// How many Q&amp;A actions (asking, answering, following up, adopting, rating, reporting) one user makes in
/// ten minutes: <see cref="GatewayOptions.QaWritesPerTenMinutes"/>, a sliding window, so a burst cannot fill the queue.
/// </summary>
internal static class QaWriteLimit
{
    public const string Policy = "qa-writes";

    public static RateLimitPartition<string> Partition(HttpContext context, int perTenMinutes) =>
        RateLimitPartition.GetSlidingWindowLimiter(
            context.User.FindFirst(CurrentUser.IdClaim)?.Value ?? $"address:{context.Connection.RemoteIpAddress}",
            _ => new SlidingWindowRateLimiterOptions { PermitLimit = perTenMinutes, Window = TimeSpan.FromMinutes(10), SegmentsPerWindow = 10 });
}
