namespace Classroom.Contracts.Errors;

/// <summary>
/// A piece of a refusal's sentence that is itself in the catalogue: what the caller tried to do ("start the lesson")
/// or which input was wrong ("the title"). A refusal carries its code, not its English words, so that the whole
/// sentence is said in the caller's language.
/// </summary>
public sealed class Phrase
{
    private Phrase(string code) => Code = code;

    /// <summary>The phrase's stable key in the refusal catalogue (<c>action.*</c> or <c>field.*</c>).</summary>
    public string Code { get; }

    public override string ToString() => Code;

    /// <summary>chat</summary>
    public static readonly Phrase Chat = new("action.chat");
    /// <summary>delete messages</summary>
    public static readonly Phrase DeleteMessages = new("action.delete-messages");
    /// <summary>mute students</summary>
    public static readonly Phrase MuteStudents = new("action.mute-students");
    /// <summary>unmute students</summary>
    public static readonly Phrase UnmuteStudents = new("action.unmute-students");
    /// <summary>set slow mode</summary>
    public static readonly Phrase SetSlowMode = new("action.set-slow-mode");
    /// <summary>turn chat on or off</summary>
    public static readonly Phrase ToggleChat = new("action.toggle-chat");
    /// <summary>edit the preview</summary>
    public static readonly Phrase EditPreview = new("action.edit-preview");
    /// <summary>start the lesson</summary>
    public static readonly Phrase StartLesson = new("action.start-lesson");
    /// <summary>end the lesson</summary>
    public static readonly Phrase EndLesson = new("action.end-lesson");
    /// <summary>appoint assistants</summary>
    public static readonly Phrase AppointAssistants = new("action.appoint-assistants");
    /// <summary>dismiss assistants</summary>
    public static readonly Phrase DismissAssistants = new("action.dismiss-assistants");
    /// <summary>run polls</summary>
    public static readonly Phrase RunPolls = new("action.run-polls");
    /// <summary>vote</summary>
    public static readonly Phrase Vote = new("action.vote");
    /// <summary>close polls</summary>
    public static readonly Phrase ClosePolls = new("action.close-polls");
    /// <summary>publish poll results</summary>
    public static readonly Phrase PublishPollResults = new("action.publish-poll-results");
    /// <summary>export poll results</summary>
    public static readonly Phrase ExportPollResults = new("action.export-poll-results");
    /// <summary>raise a hand</summary>
    public static readonly Phrase RaiseHand = new("action.raise-hand");
    /// <summary>invite students on stage</summary>
    public static readonly Phrase InviteOnStage = new("action.invite-on-stage");
    /// <summary>go on stage</summary>
    public static readonly Phrase GoOnStage = new("action.go-on-stage");
    /// <summary>add markers</summary>
    public static readonly Phrase AddMarkers = new("action.add-markers");
    /// <summary>The student id</summary>
    public static readonly Phrase StudentId = new("field.student-id");
    /// <summary>The user id</summary>
    public static readonly Phrase UserId = new("field.user-id");
    /// <summary>The connection id</summary>
    public static readonly Phrase ConnectionId = new("field.connection-id");
    /// <summary>The assistant's user id</summary>
    public static readonly Phrase AssistantId = new("field.assistant-id");
    /// <summary>The title</summary>
    public static readonly Phrase Title = new("field.title");
    /// <summary>The subject</summary>
    public static readonly Phrase Subject = new("field.subject");
    /// <summary>The description</summary>
    public static readonly Phrase Description = new("field.description");
    /// <summary>The teacher id</summary>
    public static readonly Phrase TeacherId = new("field.teacher-id");
    /// <summary>The question</summary>
    public static readonly Phrase Question = new("field.question");
    /// <summary>Each option</summary>
    public static readonly Phrase Option = new("field.option");
    /// <summary>The question's text</summary>
    public static readonly Phrase QuestionText = new("field.question-text");
    /// <summary>The reasoning</summary>
    public static readonly Phrase Reasoning = new("field.reasoning");
    /// <summary>Each step</summary>
    public static readonly Phrase Step = new("field.step");
    /// <summary>The final answer</summary>
    public static readonly Phrase FinalAnswer = new("field.final-answer");
    /// <summary>A follow-up</summary>
    public static readonly Phrase FollowUpText = new("field.follow-up");
    /// <summary>The reason for the report</summary>
    public static readonly Phrase ReportReason = new("field.report-reason");
    /// <summary>A resource's title</summary>
    public static readonly Phrase ResourceTitle = new("field.resource-title");
    /// <summary>The search</summary>
    public static readonly Phrase SearchText = new("field.search-text");
    /// <summary>The knowledge point's name</summary>
    public static readonly Phrase KnowledgePointName = new("field.knowledge-point-name");
    /// <summary>draw on the board</summary>
    public static readonly Phrase Draw = new("action.draw");
    /// <summary>manage the board's pages</summary>
    public static readonly Phrase ManageBoard = new("action.manage-board");
    /// <summary>hand out the pen</summary>
    public static readonly Phrase HandPen = new("action.hand-pen");
    /// <summary>hold the pen</summary>
    public static readonly Phrase HoldPen = new("action.hold-pen");
    /// <summary>upload slides</summary>
    public static readonly Phrase UploadSlides = new("action.upload-slides");
    /// <summary>The micro-lesson's description</summary>
    public static readonly Phrase MicroDescription = new("field.micro-description");
    /// <summary>go live with sound and picture</summary>
    public static readonly Phrase Broadcast = new("action.broadcast");
}
