using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Students;
using Classroom.Gateway.Accounts;
using Classroom.Gateway.Api;

namespace Classroom.Gateway.Replay;

/// <summary>Opening a replay, the same for the HTTP API and the hub: its timeline and, for a student, where they left off.</summary>
internal static class ReplayOpening
{
    public static async Task<ReplayOpened> OpenReplayAsync(this IClusterClient client, CurrentUser user, string? classroomId)
    {
        var info = await client.GetReplay(classroomId).GetInfoAsync(user.UserId);
        var resume = user.Kind == AccountKind.Student ? await client.GetGrain<IStudentGrain>(user.UserId).GetReplayPositionAsync(info.ClassroomId) : null;
        return new ReplayOpened(info, resume is { } position ? (long)position.TotalMilliseconds : null);
    }
}
