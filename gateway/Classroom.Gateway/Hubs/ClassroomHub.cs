using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Gateway.Accounts;
using Classroom.Gateway.Api;
using Classroom.Gateway.Fanout;
using Classroom.Gateway.Questions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Classroom.Gateway.Hubs;

/// <summary>
/// <c>/hubs/classroom</c>: one method per classroom action, and <c>events</c>/<c>resync</c> to the client. Thin: the
/// classroom grain decides what the caller may do; the fan-out carries events. See docs/protocol.md.
/// </summary>
[Authorize]
internal sealed partial class ClassroomHub(
    IClusterClient client, ClassroomFanout fanout, ViewerRegistry viewers, QaNotifier qa, IHubContext<ClassroomHub> hubContext, TimeProvider time,
    Media.MediaLagBoard lag, ILogger<ClassroomHub> logger) : Hub
{
    private CurrentUser User => CurrentUser.From(Context.User!);

    private IClassroomGrain Classroom(string classroomId) => client.GetClassroom(classroomId);

    public async Task<JoinResponse> JoinClassroom(string classroomId, long? lastSeq, bool asViewer)
    {
        var classroom = Classroom(classroomId);
        var user = User;
        var membership = await fanout.AttachAsync(viewers.Get(Context.ConnectionId), classroomId);
        try
        {
            var joined = await classroom.JoinAsync(new JoinRequest(user.UserId, user.DisplayName, user.Kind, Context.ConnectionId, asViewer));
            var staff = joined.Role is ParticipantRole.Teacher or ParticipantRole.Assistant;
            if (lastSeq is { } after && after >= 0 && after <= joined.Snapshot.Seq)
            {
                var page = await classroom.GetEventsAsync(user.UserId, after, fanout.Options.ResumeWindow);
                if (!page.HasMore)
                {
                    membership.Channel.Activate(membership, page.ThroughSeq, StaffChanges.After(staff, user.UserId, page.Events));
                    return new JoinResponse(classroomId, joined.Role, JoinResponse.ResumeMode, null, page.Events, page.ThroughSeq);
                }
            }

            membership.Channel.Activate(membership, joined.Snapshot.Seq, staff);
            return new JoinResponse(classroomId, joined.Role, JoinResponse.SnapshotMode, joined.Snapshot, null, joined.Snapshot.Seq);
        }
        catch
        {
            await fanout.DetachAsync(membership);
            throw;
        }
    }

    public async Task LeaveClassroom(string classroomId)
    {
        var classroom = Classroom(classroomId);
        if (viewers.Get(Context.ConnectionId).Memberships.TryGetValue(classroomId, out var membership))
        {
            await fanout.DetachAsync(membership);
        }

        await classroom.LeaveAsync(User.UserId, Context.ConnectionId);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var viewer = viewers.Get(Context.ConnectionId);
        qa.Forget(Context.ConnectionId);
        lag.Forget(Context.ConnectionId);
        await CloseReplaysAsync();
        foreach (var membership in viewer.Memberships.Values.ToList())
        {
            await fanout.DetachAsync(membership);
            try
            {
                await client.GetGrain<IClassroomGrain>(membership.Channel.ClassroomId).LeaveAsync(User.UserId, Context.ConnectionId);
            }
            catch (Exception e)
            {
                FanoutLog.LeaveFailed(logger, e, membership.Channel.ClassroomId, Context.ConnectionId);
            }
        }
    }

    public Task StartLesson(string classroomId) => Classroom(classroomId).StartAsync(User.UserId);

    public Task EndLesson(string classroomId) => Classroom(classroomId).EndAsync(User.UserId);

    public Task<ChatMessageView> PostChat(string classroomId, string text) => Classroom(classroomId).PostChatAsync(User.UserId, Context.ConnectionId, text);

    public Task DeleteChat(string classroomId, string messageId) => Classroom(classroomId).DeleteChatAsync(User.UserId, messageId);

    public Task Mute(string classroomId, string studentId) => Classroom(classroomId).MuteAsync(User.UserId, studentId);

    public Task Unmute(string classroomId, string studentId) => Classroom(classroomId).UnmuteAsync(User.UserId, studentId);

    public Task SetSlowMode(string classroomId, int seconds) => Classroom(classroomId).SetSlowModeAsync(User.UserId, seconds);

    public Task SetChatEnabled(string classroomId, bool enabled) => Classroom(classroomId).SetChatEnabledAsync(User.UserId, enabled);

    public Task<string> CreatePoll(string classroomId, PollDefinition poll) => Classroom(classroomId).CreatePollAsync(User.UserId, poll);

    public Task Vote(string classroomId, string pollId, int[] choices) => Classroom(classroomId).VoteAsync(User.UserId, Context.ConnectionId, pollId, choices ?? []);

    public Task ClosePoll(string classroomId, string pollId) => Classroom(classroomId).ClosePollAsync(User.UserId, pollId);

    public Task PublishPollResults(string classroomId, string pollId) => Classroom(classroomId).PublishPollResultsAsync(User.UserId, pollId);

    public Task<PollExport> ExportPoll(string classroomId, string pollId) => Classroom(classroomId).ExportPollAsync(User.UserId, pollId);

    public Task RaiseHand(string classroomId) => Classroom(classroomId).RaiseHandAsync(User.UserId, Context.ConnectionId);

    public Task LowerHand(string classroomId, string studentId) => Classroom(classroomId).LowerHandAsync(User.UserId, studentId);

    public Task InviteToStage(string classroomId, string studentId) => Classroom(classroomId).InviteToStageAsync(User.UserId, studentId);

    public Task RemoveFromStage(string classroomId, string studentId) => Classroom(classroomId).RemoveFromStageAsync(User.UserId, studentId);

    public Task AddMarker(string classroomId, string label) => Classroom(classroomId).AddMarkerAsync(User.UserId, label);

    public Task AppointAssistant(string classroomId, string userId) => Classroom(classroomId).AppointAssistantAsync(User.UserId, userId);

    public Task DismissAssistant(string classroomId, string userId) => Classroom(classroomId).DismissAssistantAsync(User.UserId, userId);
}
