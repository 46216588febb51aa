using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Replays;
using Classroom.Contracts.Students;
using Classroom.Gateway.Accounts;
using Classroom.Gateway.Api;
using Classroom.Gateway.Fanout;
using Classroom.Gateway.Replay;
using Microsoft.AspNetCore.SignalR;

namespace Classroom.Gateway.Hubs;

/// <summary>
/// Paced replay over the hub: open a lesson's replay, seek, play at 0.5x-4x, pause, close. Events arrive through the
/// client method <c>replay</c> (<see cref="ReplayEvents"/>). Replays read the lesson's log, never the live classroom.
/// </summary>
internal sealed partial class ClassroomHub
{
    private const int MaxOpenReplays = 4;

    public async Task<ReplayOpened> OpenReplay(string classroomId)
    {
        var replay = client.GetReplay(classroomId);
        var user = User;
        var opened = await client.OpenReplayAsync(user, classroomId);
        var replays = ConnectionState.Of(Context).Replays;
        if (replays.Count >= MaxOpenReplays && !replays.ContainsKey(classroomId))
        {
            throw new ClassroomValidationException(Refusals.ReplayTooManyOpen, MaxOpenReplays);
        }

        var connectionId = Context.ConnectionId;
        var clients = hubContext.Clients;
        var player = new ReplayPlayer(
            opened.Replay, replay, user.UserId, time, events => clients.Client(connectionId).SendAsync("replay", events),
            SavePosition(user, classroomId), logger);
        if (replays.TryGetValue(classroomId, out var previous))
        {
            await previous.DisposeAsync();
        }

        replays[classroomId] = player;
        return opened;
    }

    public Task<ReplayFrame> SeekReplay(string classroomId, long positionMillis) => Player(classroomId).SeekAsync(positionMillis);

    public Task PlayReplay(string classroomId, double speed) => Player(classroomId).PlayAsync(speed);

    public Task<long> PauseReplay(string classroomId) => Player(classroomId).PauseAsync();

    public async Task CloseReplay(string classroomId)
    {
        if (ConnectionState.Of(Context).Replays.TryRemove(classroomId ?? "", out var player))
        {
            await player.DisposeAsync();
        }
    }

    private ReplayPlayer Player(string classroomId) =>
        ConnectionState.Of(Context).Replays.TryGetValue(classroomId ?? "", out var player)
            ? player
            : throw new ClassroomStateException(Refusals.ReplayNotOpen);

    /// <summary>Students' positions are kept for "continue where you left off"; others' are not kept.</summary>
    private Func<long, Task>? SavePosition(CurrentUser user, string classroomId) => user.Kind == AccountKind.Student
        ? position => client.GetGrain<IStudentGrain>(user.UserId).SaveReplayPositionAsync(classroomId, TimeSpan.FromMilliseconds(position))
        : null;

    private async Task CloseReplaysAsync()
    {
        var replays = ConnectionState.Of(Context).Replays;
        foreach (var classroomId in replays.Keys.ToList())
        {
            if (replays.TryRemove(classroomId, out var player))
            {
                await player.DisposeAsync();
            }
        }
    }
}
