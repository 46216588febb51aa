using Classroom.Contracts.Events;

namespace Classroom.Contracts.Classrooms;

/// <summary>
/// One lesson (key: classroom id): its preview, roster, chat, polls, hands, stage and markers. Every change is an event
/// in the classroom's durable log, committed before the call returns, then sent to its subscribers
/// (<see cref="Events.IClassroomObserver"/>). Refusals throw a <see cref="Errors.ClassroomException"/> subtype.
/// The <c>actorId</c>/<c>userId</c>/<c>studentId</c> arguments are authenticated user ids: the host vouches for them,
/// and the classroom decides from its own state what each may do.
/// </summary>
[Alias("IClassroomGrain")]
public interface IClassroomGrain : IGrainWithStringKey
{
    /// <summary>Publishes the lesson; <paramref name="teacherId"/> must be the preview's teacher.</summary>
    [Alias("ScheduleAsync")]
    Task<ClassroomSnapshot> ScheduleAsync(string teacherId, CoursePreview preview);

    /// <summary>Replaces the preview; only before the lesson starts. The teacher cannot be changed.</summary>
    [Alias("EditPreviewAsync")]
    Task<ClassroomSnapshot> EditPreviewAsync(string actorId, CoursePreview preview);

    /// <summary>Takes the lesson live (staff).</summary>
    [Alias("StartAsync")]
    Task StartAsync(string actorId);

    /// <summary>Ends the lesson for good (staff); open polls close.</summary>
    [Alias("EndAsync")]
    Task EndAsync(string actorId);

    /// <summary>Lets a user run the lesson with the teacher (teacher only).</summary>
    [Alias("AppointAssistantAsync")]
    Task AppointAssistantAsync(string actorId, string assistantId);

    /// <summary>Withdraws an assistant (teacher only).</summary>
    [Alias("DismissAssistantAsync")]
    Task DismissAssistantAsync(string actorId, string assistantId);

    /// <summary>Registers a student for a scheduled lesson, within its capacity; idempotent.</summary>
    [Alias("RegisterAsync")]
    Task RegisterAsync(string studentId);

    /// <summary>Cancels a registration before the lesson starts; idempotent.</summary>
    [Alias("CancelRegistrationAsync")]
    Task CancelRegistrationAsync(string studentId);

    /// <summary>
    /// Adds a connection of a user (or joins it again, perhaps with another role); returns the role given to this
    /// connection and the snapshot to start from. Each connection keeps the role of its own join.
    /// </summary>
    [Alias("JoinAsync")]
    Task<JoinResult> JoinAsync(JoinRequest request);

    /// <summary>Removes a connection; the user stays present while other connections remain.</summary>
    [Alias("LeaveAsync")]
    Task LeaveAsync(string userId, string connectionId);

    /// <summary>
    /// Posts a chat message (length-limited; control characters stripped), judged by the strongest role among the
    /// user's connections. Hosts that know the caller's connection use the overload that takes it.
    /// </summary>
    [Alias("PostChatAsync")]
    Task<ChatMessageView> PostChatAsync(string userId, string text);

    /// <summary>
    /// Posts a chat message from one joined connection of the user, judged by the role that connection joined with: a
    /// student's viewer tab may not chat even while the student's own tab may.
    /// </summary>
    [Alias("PostChatFromConnectionAsync")]
    Task<ChatMessageView> PostChatAsync(string userId, string connectionId, string text);

    /// <summary>Deletes a message (staff).</summary>
    [Alias("DeleteChatAsync")]
    Task DeleteChatAsync(string actorId, string messageId);

    /// <summary>Stops a student from chatting (staff).</summary>
    [Alias("MuteAsync")]
    Task MuteAsync(string actorId, string studentId);

    /// <summary>Lets a muted student chat again (staff).</summary>
    [Alias("UnmuteAsync")]
    Task UnmuteAsync(string actorId, string studentId);

    /// <summary>Sets the minimum seconds between a student's messages; 0 turns slow mode off (staff).</summary>
    [Alias("SetSlowModeAsync")]
    Task SetSlowModeAsync(string actorId, int seconds);

    /// <summary>Turns chat on or off for students (staff).</summary>
    [Alias("SetChatEnabledAsync")]
    Task SetChatEnabledAsync(string actorId, bool enabled);

    /// <summary>Opens a poll or quiz (staff); returns its id.</summary>
    [Alias("CreatePollAsync")]
    Task<string> CreatePollAsync(string actorId, PollDefinition poll);

    /// <summary>Casts or replaces a student's vote in an open poll, judged by the strongest role among the student's connections.</summary>
    [Alias("VoteAsync")]
    Task VoteAsync(string studentId, string pollId, IReadOnlyList<int> choices);

    /// <summary>Casts or replaces a student's vote from one joined connection, judged by the role that connection joined with.</summary>
    [Alias("VoteFromConnectionAsync")]
    Task VoteAsync(string studentId, string connectionId, string pollId, IReadOnlyList<int> choices);

    /// <summary>Stops a poll taking votes (staff).</summary>
    [Alias("ClosePollAsync")]
    Task ClosePollAsync(string actorId, string pollId);

    /// <summary>Shows a closed poll's results, and a quiz's answer key, to everyone (staff).</summary>
    [Alias("PublishPollResultsAsync")]
    Task PublishPollResultsAsync(string actorId, string pollId);

    /// <summary>A poll's results as CSV-ready rows (staff): who voted what, or only counts for an anonymous poll.</summary>
    [Alias("ExportPollAsync")]
    Task<PollExport> ExportPollAsync(string actorId, string pollId);

    /// <summary>Queues a present student's raised hand, judged by the strongest role among the student's connections.</summary>
    [Alias("RaiseHandAsync")]
    Task RaiseHandAsync(string studentId);

    /// <summary>Queues a student's raised hand from one joined connection, judged by the role that connection joined with.</summary>
    [Alias("RaiseHandFromConnectionAsync")]
    Task RaiseHandAsync(string studentId, string connectionId);

    /// <summary>Lowers a hand: the student's own, or anyone's by staff.</summary>
    [Alias("LowerHandAsync")]
    Task LowerHandAsync(string actorId, string studentId);

    /// <summary>Invites a present student on stage (staff), up to the stage's size.</summary>
    [Alias("InviteToStageAsync")]
    Task InviteToStageAsync(string actorId, string studentId);

    /// <summary>Takes a student off stage: the student themselves, or staff.</summary>
    [Alias("RemoveFromStageAsync")]
    Task RemoveFromStageAsync(string actorId, string studentId);

    /// <summary>Adds a chapter marker at this moment of the live lesson (staff).</summary>
    [Alias("AddMarkerAsync")]
    Task AddMarkerAsync(string actorId, string label);

    /// <summary>Rates an ended lesson the student attended: 1-5 stars and style tags, once.</summary>
    [Alias("RateAsync")]
    Task RateAsync(string studentId, int stars, IReadOnlyList<string> tags);

    /// <summary>The classroom as <paramref name="viewerId"/> may see it, at a committed sequence number.</summary>
    [Alias("GetSnapshotAsync")]
    Task<ClassroomSnapshot> GetSnapshotAsync(string viewerId);

    /// <summary>Committed events after <paramref name="afterSeq"/> that <paramref name="viewerId"/> may see (at most <paramref name="maxCount"/>).</summary>
    [Alias("GetEventsAsync")]
    Task<ClassroomEventPage> GetEventsAsync(string viewerId, long afterSeq, int maxCount);

    /// <summary>
    /// Committed events after <paramref name="afterSeq"/> exactly as the classroom's stream carried them, every audience
    /// included (at most <paramref name="maxCount"/>): for a host that missed stream items and fills the gap. Never
    /// hand the page to a client as it is.
    /// </summary>
    [Alias("ReadCommittedAsync")]
    Task<ClassroomEventPage> ReadCommittedAsync(long afterSeq, int maxCount);

    /// <summary>
    /// Subscribes <paramref name="observer"/> to the classroom's committed batches, or renews its subscription; returns
    /// the last committed seq, from which the subscriber can tell whether it missed anything. A subscription lapses
    /// unless renewed within <c>Classroom:Classrooms:SubscriptionLifetime</c>, and with the classroom's activation.
    /// </summary>
    [Alias("SubscribeAsync")]
    Task<long> SubscribeAsync(IClassroomObserver observer);

    /// <summary>Ends a subscription (again: nothing happens).</summary>
    [Alias("UnsubscribeAsync")]
    Task UnsubscribeAsync(IClassroomObserver observer);
}
