using Classroom.Runtime;

namespace Classroom.Contracts.Classrooms;

/// <summary>
/// One lesson (key: classroom id): its preview, roster, chat, polls, hands, stage and markers. Every change is an event
/// in the classroom's durable log, committed before the call returns, then published on its stream
/// (<see cref="Events.ClassroomStreams"/>). Refusals throw a <see cref="Errors.ClassroomException"/> subtype.
/// The <c>actorId</c>/<c>userId</c>/<c>studentId</c> arguments are authenticated user ids: the host vouches for them,
/// and the classroom decides from its own state what each may do.
/// </summary>
public interface IClassroomGrain : IGrainWithStringKey
{
    /// <summary>Publishes the lesson; <paramref name="teacherId"/> must be the preview's teacher.</summary>
    Task<ClassroomSnapshot> ScheduleAsync(string teacherId, CoursePreview preview);

    /// <summary>Replaces the preview; only before the lesson starts. The teacher cannot be changed.</summary>
    Task<ClassroomSnapshot> EditPreviewAsync(string actorId, CoursePreview preview);

    /// <summary>Takes the lesson live (staff).</summary>
    Task StartAsync(string actorId);

    /// <summary>Ends the lesson for good (staff); open polls close.</summary>
    Task EndAsync(string actorId);

    /// <summary>Lets a user run the lesson with the teacher (teacher only).</summary>
    Task AppointAssistantAsync(string actorId, string assistantId);

    /// <summary>Withdraws an assistant (teacher only).</summary>
    Task DismissAssistantAsync(string actorId, string assistantId);

    /// <summary>Registers a student for a scheduled lesson, within its capacity; idempotent.</summary>
    Task RegisterAsync(string studentId);

    /// <summary>Cancels a registration before the lesson starts; idempotent.</summary>
    Task CancelRegistrationAsync(string studentId);

    /// <summary>Adds a connection of a user; returns the role given and the snapshot to start from.</summary>
    Task<JoinResult> JoinAsync(JoinRequest request);

    /// <summary>Removes a connection; the user stays present while other connections remain.</summary>
    Task LeaveAsync(string userId, string connectionId);

    /// <summary>Posts a chat message (length-limited; control characters stripped).</summary>
    Task<ChatMessageView> PostChatAsync(string userId, string text);

    /// <summary>Deletes a message (staff).</summary>
    Task DeleteChatAsync(string actorId, string messageId);

    /// <summary>Stops a student from chatting (staff).</summary>
    Task MuteAsync(string actorId, string studentId);

    /// <summary>Lets a muted student chat again (staff).</summary>
    Task UnmuteAsync(string actorId, string studentId);

    /// <summary>Sets the minimum seconds between a student's messages; 0 turns slow mode off (staff).</summary>
    Task SetSlowModeAsync(string actorId, int seconds);

    /// <summary>Turns chat on or off for students (staff).</summary>
    Task SetChatEnabledAsync(string actorId, bool enabled);

    /// <summary>Opens a poll or quiz (staff); returns its id.</summary>
    Task<string> CreatePollAsync(string actorId, PollDefinition poll);

    /// <summary>Casts or replaces a student's vote in an open poll.</summary>
    Task VoteAsync(string studentId, string pollId, IReadOnlyList<int> choices);

    /// <summary>Stops a poll taking votes (staff).</summary>
    Task ClosePollAsync(string actorId, string pollId);

    /// <summary>Shows a closed poll's results, and a quiz's answer key, to everyone (staff).</summary>
    Task PublishPollResultsAsync(string actorId, string pollId);

    /// <summary>A poll's results as CSV-ready rows (staff): who voted what, or only counts for an anonymous poll.</summary>
    Task<PollExport> ExportPollAsync(string actorId, string pollId);

    /// <summary>Queues a present student's raised hand.</summary>
    Task RaiseHandAsync(string studentId);

    /// <summary>Lowers a hand: the student's own, or anyone's by staff.</summary>
    Task LowerHandAsync(string actorId, string studentId);

    /// <summary>Invites a present student on stage (staff), up to the stage's size.</summary>
    Task InviteToStageAsync(string actorId, string studentId);

    /// <summary>Takes a student off stage: the student themselves, or staff.</summary>
    Task RemoveFromStageAsync(string actorId, string studentId);

    /// <summary>Adds a chapter marker at this moment of the live lesson (staff).</summary>
    Task AddMarkerAsync(string actorId, string label);

    /// <summary>Rates an ended lesson the student attended: 1-5 stars and style tags, once.</summary>
    Task RateAsync(string studentId, int stars, IReadOnlyList<string> tags);

    /// <summary>The classroom as <paramref name="viewerId"/> may see it, at a committed sequence number.</summary>
    Task<ClassroomSnapshot> GetSnapshotAsync(string viewerId);

    /// <summary>Committed events after <paramref name="afterSeq"/> that <paramref name="viewerId"/> may see (at most <paramref name="maxCount"/>).</summary>
    Task<ClassroomEventPage> GetEventsAsync(string viewerId, long afterSeq, int maxCount);

    /// <summary>
    /// Committed events after <paramref name="afterSeq"/> exactly as the classroom's stream carried them, every audience
    /// included (at most <paramref name="maxCount"/>): for a host that missed stream items and fills the gap. Never
    /// hand the page to a client as it is.
    /// </summary>
    Task<ClassroomEventPage> ReadCommittedAsync(long afterSeq, int maxCount);
}
