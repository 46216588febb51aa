namespace Classroom.Contracts.Events;

/// <summary>
/// The stable wire name of every event type. Names are stored in every classroom's log: never change one that has
/// shipped; add new names instead.
/// </summary>
public static class ClassroomEventTypes
{
    private static readonly (string Name, Type Type)[] Known =
    [
        ("lesson.scheduled", typeof(LessonScheduled)),
        ("lesson.preview-edited", typeof(PreviewEdited)),
        ("lesson.started", typeof(LessonStarted)),
        ("lesson.ended", typeof(LessonEnded)),
        ("lesson.rated", typeof(LessonRated)),
        ("staff.assistant-appointed", typeof(AssistantAppointed)),
        ("staff.assistant-dismissed", typeof(AssistantDismissed)),
        ("registration.added", typeof(StudentRegistered)),
        ("registration.cancelled", typeof(RegistrationCancelled)),
        ("presence.joined", typeof(ParticipantJoined)),
        ("presence.left", typeof(ParticipantLeft)),
        ("presence.counted", typeof(PresenceCounted)),
        ("chat.posted", typeof(ChatPosted)),
        ("chat.deleted", typeof(ChatDeleted)),
        ("chat.muted", typeof(StudentMuted)),
        ("chat.unmuted", typeof(StudentUnmuted)),
        ("chat.slow-mode", typeof(SlowModeChanged)),
        ("chat.enabled", typeof(ChatEnabledChanged)),
        ("poll.opened", typeof(PollOpened)),
        ("poll.answer-key", typeof(QuizAnswerKeySet)),
        ("poll.vote", typeof(VoteCast)),
        ("poll.tally", typeof(PollTallied)),
        ("poll.closed", typeof(PollClosed)),
        ("poll.results-published", typeof(PollResultsPublished)),
        ("stage.hand-raised", typeof(HandRaised)),
        ("stage.hand-lowered", typeof(HandLowered)),
        ("stage.invited", typeof(StageInvited)),
        ("stage.left", typeof(StageLeft)),
        ("marker.added", typeof(MarkerAdded)),
        ("board.page-added", typeof(BoardPageAdded)),
        ("board.page-shown", typeof(BoardPageShown)),
        ("board.page-cleared", typeof(BoardPageCleared)),
        ("board.stroke-started", typeof(BoardStrokeStarted)),
        ("board.stroke-extended", typeof(BoardStrokeExtended)),
        ("board.stroke-ended", typeof(BoardStrokeEnded)),
        ("board.shape-drawn", typeof(BoardShapeDrawn)),
        ("board.erased", typeof(BoardErased)),
        ("board.pen-granted", typeof(BoardPenGranted)),
        ("board.pen-revoked", typeof(BoardPenRevoked)),
        ("board.slides-added", typeof(BoardSlidesAdded)),
        ("media.broadcast-started", typeof(MediaBroadcastStarted)),
        ("media.tracks-changed", typeof(MediaTracksChanged)),
        ("media.segment-added", typeof(MediaSegmentAdded)),
        ("media.broadcast-ended", typeof(MediaBroadcastEnded)),
    ];

    private static readonly Dictionary<string, Type> s_byName = Known.ToDictionary(static k => k.Name, static k => k.Type, StringComparer.Ordinal);
    private static readonly Dictionary<Type, string> s_byType = Known.ToDictionary(static k => k.Type, static k => k.Name);

    /// <summary>Every known type name.</summary>
    public static IEnumerable<string> Names => s_byName.Keys;

    /// <summary>Every known event data type.</summary>
    public static IEnumerable<Type> Types => s_byType.Keys;

    /// <summary>The wire name of <paramref name="data"/>'s type.</summary>
    public static string NameOf(ClassroomEventData data) => data switch
    {
        UnknownEventData unknown => unknown.Type,
        _ => s_byType.TryGetValue(data.GetType(), out var name)
            ? name
            : throw new InvalidOperationException($"{data.GetType().Name} has no event type name: add it to ClassroomEventTypes."),
    };

    /// <summary>The data type named <paramref name="name"/>, or null for a name this build does not know.</summary>
    public static Type? TypeOf(string name) => s_byName.GetValueOrDefault(name);
}
