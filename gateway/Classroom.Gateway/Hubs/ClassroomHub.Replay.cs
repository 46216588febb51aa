using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.MicroLessons;
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
        var user = User;
        var opened = await client.OpenReplayAsync(user, classroomId);
        await StartPlayerAsync(opened.Replay, range: null, SavePosition(user, opened.Replay.ClassroomId));
        return opened;
    }

    /// <summary>
    /// Opens a micro-lesson: its lesson's replay, limited to the micro-lesson's range (seeks are kept within it and
    /// playback ends at its end). Then <c>SeekReplay</c>, <c>PlayReplay</c>… with the lesson's classroom id, as for a
    /// replay. Where a student stopped in a micro-lesson is not kept as their place in the lesson.
    /// </summary>
    public async Task<MicroLessonOpened> OpenMicroLesson(string microLessonId)
    {
        var microLesson = await client.GetMicroLesson(microLessonId).GetAsync();
        var replay = await client.GetReplay(microLesson.ClassroomId).GetInfoAsync(User.UserId);
        var player = await StartPlayerAsync(replay, new ReplayRange(microLesson.FromMillis, microLesson.ToMillis), save: null);
        // Where playback starts if the client plays before it seeks: the range's start, not the lesson's first event.
        await player.SeekAsync(microLesson.FromMillis);
        return new MicroLessonOpened(microLesson, replay);
    }

    private async Task<ReplayPlayer> StartPlayerAsync(ReplayInfo info, ReplayRange? range, Func<long, Task>? save)
    {
        var classroomId = info.ClassroomId;
        var replays = ConnectionState.Of(Context).Replays;
        if (replays.Count >= MaxOpenReplays && !replays.ContainsKey(classroomId))
        {
            throw new ClassroomValidationException(Refusals.ReplayTooManyOpen, MaxOpenReplays);
        }

        var connectionId = Context.ConnectionId;
        var clients = hubContext.Clients;
        var player = new ReplayPlayer(
            info, client.GetReplay(classroomId), User.UserId, time, events => clients.Client(connectionId).SendAsync("replay", events), save, logger, range);
        if (replays.TryGetValue(classroomId, out var previous))
        {
            await previous.DisposeAsync();
        }

        replays[classroomId] = player;
        return player;
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
