using Classroom.Contracts.Errors;
using Classroom.Contracts.Replays;
using Classroom.Contracts.Students;
using Classroom.Gateway.Accounts;
using Classroom.Gateway.Replay;

namespace Classroom.Gateway.Api;

/// <summary>
/// A lesson's replay over HTTP: its timeline, the classroom at a moment (<c>?t=1h10m5s</c>), event pages, chat search and
/// the student's saved position. Any signed-in user may watch a lesson that has started; staff-only events and data stay
/// with staff. Paced playback is on the hub.
/// </summary>
public static class ReplayEndpoints
{
    public static IEndpointRouteBuilder MapReplayEndpoints(this IEndpointRouteBuilder app)
    {
        var replays = app.MapGroup("/api/lessons/{id}/replay").WithTags("Replay").RequireAuthorization();
        replays.MapGet("/", OpenAsync);
        replays.MapGet("/state", (string id, string? t, HttpContext context, IClusterClient client) =>
            client.GetReplay(id).SeekAsync(Caller(context), ReplayTime.ParseMillis(t ?? "0")));
        replays.MapGet("/events", (string id, long? after, int? max, HttpContext context, IClusterClient client) =>
            client.GetReplay(id).GetEventsAsync(Caller(context), after ?? 0, max ?? 100));
        replays.MapGet("/chat", (string id, string? q, int? max, HttpContext context, IClusterClient client) =>
            client.GetReplay(id).SearchChatAsync(Caller(context), q ?? "", max ?? 20));
        replays.MapPut("/position", SavePositionAsync).RequireAuthorization(Policies.Student);
        return app;
    }

    private static Task<ReplayOpened> OpenAsync(string id, HttpContext context, IClusterClient client) =>
        client.OpenReplayAsync(CurrentUser.From(context.User), id);

    private static async Task SavePositionAsync(string id, ReplayPosition position, HttpContext context, IClusterClient client)
    {
        var user = CurrentUser.From(context.User);
        // Only a lesson whose replay exists keeps a position: this refuses unknown and unstarted lessons.
        var info = await client.GetReplay(id).GetInfoAsync(user.UserId);
        if (position.PositionMillis < 0 || position.PositionMillis > info.DurationMillis)
        {
            throw new ClassroomValidationException(Refusals.ReplayPositionRange, info.DurationMillis);
        }

        await client.GetGrain<IStudentGrain>(user.UserId).SaveReplayPositionAsync(id, TimeSpan.FromMilliseconds(position.PositionMillis));
    }

    private static string Caller(HttpContext context) => CurrentUser.From(context.User).UserId;
}
