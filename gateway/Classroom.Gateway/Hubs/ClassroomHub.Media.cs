using Classroom.Contracts.Errors;
using Classroom.Contracts.Media;
using Classroom.Gateway.Api;
using Classroom.Gateway.Media;

namespace Classroom.Gateway.Hubs;

// Going live with sound and picture, and how far behind the viewers are. The segments themselves travel over HTTP
// (MediaEndpoints); what they change arrives as events.
internal sealed partial class ClassroomHub
{
    private IClassroomMedia Media(string classroomId) => client.GetGrain<IClassroomMedia>(ClassroomIds.Checked(classroomId));

    public Task<MediaBroadcastTicket> StartBroadcast(string classroomId, MediaSource source, bool microphone, bool camera) =>
        Media(classroomId).StartBroadcastAsync(User.UserId, source, microphone, camera);

    public Task SetBroadcastTracks(string classroomId, bool microphone, bool camera) =>
        Media(classroomId).SetTracksAsync(User.UserId, microphone, camera);

    public Task EndBroadcast(string classroomId) => Media(classroomId).EndBroadcastAsync(User.UserId);

    /// <summary>A viewer's player says how far behind the live edge it plays; counted for lessons this connection joined.</summary>
    public void ReportMediaLag(string classroomId, double lagSeconds)
    {
        if (double.IsNaN(lagSeconds) || lagSeconds < 0 || lagSeconds > MediaLagBoard.MaxLagSeconds)
        {
            throw new ClassroomValidationException(Refusals.MediaLagRange, MediaLagBoard.MaxLagSeconds);
        }

        if (viewers.Get(Context.ConnectionId).Memberships.ContainsKey(classroomId ?? ""))
        {
            lag.Report(classroomId!, Context.ConnectionId, (long)Math.Round(lagSeconds * 1000));
        }
    }

    /// <summary>How far behind the viewers on this gateway are (staff who joined the lesson).</summary>
    public MediaLag GetMediaLag(string classroomId) =>
        viewers.Get(Context.ConnectionId).Memberships.TryGetValue(classroomId ?? "", out var membership) && membership.Staff
            ? lag.Summary(classroomId!)
            : throw new ClassroomPermissionException(Refusals.LessonStaffOnly, Phrase.Broadcast);
}
