using System.Threading.RateLimiting;
using Classroom.Gateway.Accounts;

namespace Classroom.Gateway.Media;

/// <summary>
/// How many segments one user uploads a minute (<see cref="MediaOptions.UploadsPerMinute"/>, a sliding window): a sender
/// makes one a second; a script looping on the endpoint is stopped before it costs a parse each time.
/// </summary>
internal static class MediaUploadLimit
{
    public const string Policy = "media-uploads";

    public static RateLimitPartition<string> Partition(HttpContext context, int perMinute) =>
        RateLimitPartition.GetSlidingWindowLimiter(
            context.User.FindFirst(CurrentUser.IdClaim)?.Value ?? $"address:{context.Connection.RemoteIpAddress}",
            _ => new SlidingWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6 });
}
