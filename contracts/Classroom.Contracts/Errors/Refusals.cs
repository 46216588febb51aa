namespace Classroom.Contracts.Errors;

/// <summary>
/// The one list of refusal codes: stable for programs (they appear in hub messages as <c>[code] text</c> and in problem
/// details as <c>code</c>), never renamed once shipped. Each is a key of the refusal catalogue (<see cref="RefusalTexts"/>),
/// whose entry is the sentence with <c>{0}</c>, <c>{1}</c>… for the refusal's arguments; the summaries here repeat the
/// English entry. Kept flat, grouped by the area the code names; a lesson's content (board, slides, broadcast,
/// micro-lessons) is in Refusals.LessonContent.cs.
/// </summary>
public static partial class Refusals
{
    /// <summary>No lesson '{0}' has been scheduled.</summary>
    public const string LessonNotFound = "lesson.not-found";
    /// <summary>The lesson has ended: nobody can {0} any more.</summary>
    public const string LessonEndedForAction = "lesson.ended-for-action";
    /// <summary>The lesson has not started yet: nobody can {0} before it does.</summary>
    public const string LessonNotStartedForAction = "lesson.not-started-for-action";
    /// <summary>Only the teacher or an assistant may {0}.</summary>
    public const string LessonStaffOnly = "lesson.staff-only";
    /// <summary>Only the lesson's teacher may {0}.</summary>
    public const string LessonTeacherOnly = "lesson.teacher-only";
    /// <summary>Only participants present in the lesson may {0}; join it first.</summary>
    public const string LessonPresentOnly = "lesson.present-only";
    /// <summary>Viewers cannot {0}.</summary>
    public const string LessonViewersCannot = "lesson.viewers-cannot";
    /// <summary>Only students {0}.</summary>
    public const string LessonStudentsOnly = "lesson.students-only";
    /// <summary>The classroom is recovering from a storage failure; try again in a moment.</summary>
    public const string LessonRecovering = "lesson.recovering";
    /// <summary>A teacher schedules lessons of their own only: the preview names another teacher.</summary>
    public const string LessonScheduleOwnOnly = "lesson.schedule-own-only";
    /// <summary>Lesson '{0}' is already scheduled; edit its preview instead.</summary>
    public const string LessonAlreadyScheduled = "lesson.already-scheduled";
    /// <summary>The preview can only be edited before the lesson starts.</summary>
    public const string LessonPreviewLocked = "lesson.preview-locked";
    /// <summary>A lesson's teacher cannot be changed.</summary>
    public const string LessonTeacherFixed = "lesson.teacher-fixed";
    /// <summary>{0} students are registered: the capacity cannot go below that.</summary>
    public const string LessonCapacityBelowRegistered = "lesson.capacity-below-registered";
    /// <summary>The lesson is already live.</summary>
    public const string LessonAlreadyLive = "lesson.already-live";
    /// <summary>The lesson has ended; it cannot start again.</summary>
    public const string LessonCannotRestart = "lesson.cannot-restart";
    /// <summary>The lesson has already ended.</summary>
    public const string LessonAlreadyEnded = "lesson.already-ended";
    /// <summary>The lesson has not started.</summary>
    public const string LessonNotStarted = "lesson.not-started";
    /// <summary>The lesson has ended; open its replay instead.</summary>
    public const string LessonEndedOpenReplay = "lesson.ended-open-replay";
    /// <summary>The teacher is already in charge of the lesson.</summary>
    public const string LessonTeacherAlreadyInCharge = "lesson.teacher-already-in-charge";
    /// <summary>A join request is required.</summary>
    public const string LessonJoinRequestRequired = "lesson.join-request-required";
    /// <summary>Events are asked for after a sequence number of 0 or more, at least one at a time.</summary>
    public const string LessonEventsRange = "lesson.events-range";
    /// <summary>'from' must not be after 'to'.</summary>
    public const string LessonDatesOrder = "lesson.dates-order";
    /// <summary>A classroom id has 1 to {0} characters.</summary>
    public const string ClassroomIdLength = "classroom.id-length";
    /// <summary>A course preview is required.</summary>
    public const string PreviewRequired = "preview.required";
    /// <summary>The grade must be from 1 to 12, not {0}.</summary>
    public const string PreviewGradeRange = "preview.grade-range";
    /// <summary>The course type must be textbook, topic-review, paper-analysis or interest.</summary>
    public const string PreviewCourseType = "preview.course-type";
    /// <summary>A lesson lasts from {0} minutes to {1} hours.</summary>
    public const string PreviewDurationRange = "preview.duration-range";
    /// <summary>The media URL must be an absolute http(s) or ws(s) address.</summary>
    public const string PreviewMediaUrl = "preview.media-url";
    /// <summary>The capacity, when given, must be at least 1.</summary>
    public const string PreviewCapacityMin = "preview.capacity-min";
    /// <summary>{0} is required (at most {1} characters).</summary>
    public const string InputIdRequired = "input.id-required";
    /// <summary>{0} must have {1} to {2} characters.</summary>
    public const string InputTextLength = "input.text-length";
    /// <summary>{0} has at most {1} characters.</summary>
    public const string InputTextTooLong = "input.text-too-long";
    /// <summary>A display name has 1 to 50 characters.</summary>
    public const string InputDisplayNameLength = "input.display-name-length";
    /// <summary>Chat is turned off for students right now.</summary>
    public const string ChatOff = "chat.off";
    /// <summary>You are muted: you cannot chat until the teacher unmutes you.</summary>
    public const string ChatMuted = "chat.muted";
    /// <summary>Slow mode is on: wait {0} s before your next message.</summary>
    public const string ChatSlowMode = "chat.slow-mode";
    /// <summary>No recent message '{0}' to delete.</summary>
    public const string ChatMessageNotFound = "chat.message-not-found";
    /// <summary>The teacher and assistants cannot be muted.</summary>
    public const string ChatStaffNotMutable = "chat.staff-not-mutable";
    /// <summary>Slow mode is 0 (off) to 3600 seconds between a student's messages.</summary>
    public const string ChatSlowModeRange = "chat.slow-mode-range";
    /// <summary>A chat message cannot be empty.</summary>
    public const string ChatEmpty = "chat.empty";
    /// <summary>A chat message has at most {0} characters; this one has {1}.</summary>
    public const string ChatTooLong = "chat.too-long";
    /// <summary>You are on stage already.</summary>
    public const string StageAlreadyOn = "stage.already-on";
    /// <summary>A hand is lowered by its student or by the teacher or an assistant.</summary>
    public const string StageLowerHandNotAllowed = "stage.lower-hand-not-allowed";
    /// <summary>The stage is full ({0} students); remove someone first.</summary>
    public const string StageFull = "stage.full";
    /// <summary>A student leaves the stage by themselves or is removed by the teacher or an assistant.</summary>
    public const string StageLeaveNotAllowed = "stage.leave-not-allowed";
    /// <summary>A marker label has 1 to 100 characters.</summary>
    public const string MarkerLabelLength = "marker.label-length";
    /// <summary>A poll definition is required.</summary>
    public const string PollRequired = "poll.required";
    /// <summary>A poll has 2 to 10 options, not {0}.</summary>
    public const string PollOptionCount = "poll.option-count";
    /// <summary>A quiz's correct options are distinct option numbers, at least one.</summary>
    public const string PollQuizCorrectOptions = "poll.quiz-correct-options";
    /// <summary>A single-choice quiz has exactly one correct option.</summary>
    public const string PollQuizSingleCorrect = "poll.quiz-single-correct";
    /// <summary>A poll closes by itself after 5 to 3600 seconds.</summary>
    public const string PollAutoCloseRange = "poll.auto-close-range";
    /// <summary>This poll is closed: it takes no more votes.</summary>
    public const string PollClosed = "poll.closed";
    /// <summary>No poll '{0}' in this lesson.</summary>
    public const string PollNotFound = "poll.not-found";
    /// <summary>Choose at least one option.</summary>
    public const string VoteNoChoice = "vote.no-choice";
    /// <summary>This poll takes exactly one choice.</summary>
    public const string VoteSingleChoice = "vote.single-choice";
    /// <summary>Choices are distinct option numbers from 0 to {0}.</summary>
    public const string VoteChoiceRange = "vote.choice-range";
    /// <summary>A lesson can be rated once it has ended.</summary>
    public const string RatingNotEnded = "rating.not-ended";
    /// <summary>Only students who attended the lesson may rate it.</summary>
    public const string RatingAttendeesOnly = "rating.attendees-only";
    /// <summary>A rating is 1 to 5 stars, not {0}.</summary>
    public const string RatingStarsRange = "rating.stars-range";
    /// <summary>You have already rated this lesson; a rating cannot be changed.</summary>
    public const string RatingAlreadyRated = "rating.already-rated";
    /// <summary>Give at most 5 style tags of 1 to 30 characters each.</summary>
    public const string RatingTags = "rating.tags";
    /// <summary>The lesson has ended; registration is closed.</summary>
    public const string RegistrationClosed = "registration.closed";
    /// <summary>The lesson is full: all {0} places are taken.</summary>
    public const string RegistrationFull = "registration.full";
    /// <summary>A registration can only be cancelled before the lesson starts.</summary>
    public const string RegistrationCancelTooLate = "registration.cancel-too-late";
    /// <summary>The lesson has not started yet: its replay begins when it does.</summary>
    public const string ReplayNotStarted = "replay.not-started";
    /// <summary>A replay position is 0 or more: the timeline starts when the lesson started.</summary>
    public const string ReplayPositionNegative = "replay.position-negative";
    /// <summary>A position in this replay is from 0 to {0} ms.</summary>
    public const string ReplayPositionRange = "replay.position-range";
    /// <summary>A chat search has 1 to {0} characters and asks for 1 to {1} results.</summary>
    public const string ReplaySearchRange = "replay.search-range";
    /// <summary>A replay plays at {0}x to {1}x.</summary>
    public const string ReplaySpeedRange = "replay.speed-range";
    /// <summary>A connection plays at most {0} replays at once; close one first.</summary>
    public const string ReplayTooManyOpen = "replay.too-many-open";
    /// <summary>Open the lesson's replay first (OpenReplay).</summary>
    public const string ReplayNotOpen = "replay.not-open";
    /// <summary>'{0}' is not a moment of the replay: it is 0 or more: the timeline starts when the lesson started.</summary>
    public const string ReplayMomentNegative = "replay.moment-negative";
    /// <summary>'{0}' is not a moment of the replay: write it like 1h10m5s, 70m, 4205 (seconds) or 1:10:05, at most 24 hours.</summary>
    public const string ReplayMomentFormat = "replay.moment-format";
    /// <summary>A replay position names its lesson.</summary>
    public const string ReplaySavedLessonRequired = "replay.saved-lesson-required";
    /// <summary>A replay position is from 0 to 24 hours into the lesson.</summary>
    public const string ReplaySavedPositionRange = "replay.saved-position-range";
    /// <summary>No photo was sent: the request has no image in it.</summary>
    public const string PhotoEmpty = "photo.empty";
    /// <summary>A photo is at most {0} MB.</summary>
    public const string PhotoTooLarge = "photo.too-large";
    /// <summary>Only JPEG and PNG photos are accepted.</summary>
    public const string PhotoUnsupportedType = "photo.unsupported-type";
    /// <summary>A photo has at most {0} million pixels and {1} pixels on a side; this one is {2} × {3}.</summary>
    public const string PhotoTooManyPixels = "photo.too-many-pixels";
    /// <summary>The photo could not be read: the file is damaged or is not really an image.</summary>
    public const string PhotoUnreadable = "photo.unreadable";
    /// <summary>No photo '{0}'.</summary>
    public const string PhotoNotFound = "photo.not-found";
    /// <summary>Photo '{0}' is already stored; a photo cannot be replaced.</summary>
    public const string PhotoAlreadyStored = "photo.already-stored";
    /// <summary>Too many photo uploads: try again in {0} seconds.</summary>
    public const string PhotoRateLimit = "photo.rate-limit";
    /// <summary>A teacher's name has 1 to 100 characters.</summary>
    public const string TeacherNameLength = "teacher.name-length";
    /// <summary>A teacher teaches at most 10 subjects, each named in 1 to 50 characters.</summary>
    public const string TeacherSubjects = "teacher.subjects";
    /// <summary>Title, school, district and bio have at most 100, 200, 100 and 4000 characters.</summary>
    public const string TeacherProfileLength = "teacher.profile-length";
    /// <summary>Years of teaching are 0 to 80.</summary>
    public const string TeacherYearsRange = "teacher.years-range";
    /// <summary>A student's name has 1 to 100 characters.</summary>
    public const string StudentNameLength = "student.name-length";
    /// <summary>The grade is 1 to 12; school and district have at most 200 and 100 characters.</summary>
    public const string StudentProfileRange = "student.profile-range";
    /// <summary>An account is created under its own user name.</summary>
    public const string AccountOwnName = "account.own-name";
    /// <summary>The user name '{0}' is taken.</summary>
    public const string AccountNameTaken = "account.name-taken";
    /// <summary>No account '{0}'.</summary>
    public const string AccountNotFound = "account.not-found";
    /// <summary>A password has 8 to 128 characters.</summary>
    public const string AccountPasswordLength = "account.password-length";
    /// <summary>An account is a teacher's or a student's.</summary>
    public const string AccountKind = "account.kind";
    /// <summary>A user name has 3 to 32 characters: letters, digits, '.', '_' or '-', starting with a letter or digit.</summary>
    public const string AccountUserNameFormat = "account.user-name-format";
    /// <summary>Wrong user name or password.</summary>
    public const string AccountSignInFailed = "account.sign-in-failed";
    /// <summary>This password is one of the most common ones: choose one that is harder to guess.</summary>
    public const string AccountPasswordCommon = "account.password-common";
    /// <summary>A password may not be made from the user name (the name itself, reversed, or with digits added).</summary>
    public const string AccountPasswordLikeName = "account.password-like-name";
    /// <summary>Too many failed sign-ins: try again in {0} seconds.</summary>
    public const string AccountSignInThrottled = "account.sign-in-throttled";
    /// <summary>This sign-in has ended: sign in again.</summary>
    public const string AccountRefreshInvalid = "account.refresh-invalid";
    /// <summary>Too many new connections: try again in {0} seconds.</summary>
    public const string HubConnectionRateLimit = "hub.connection-rate-limit";
    /// <summary>Too many chat calls: slow down and try again in a moment.</summary>
    public const string HubRateLimitChat = "hub.rate-limit.chat";
    /// <summary>Too many vote calls: slow down and try again in a moment.</summary>
    public const string HubRateLimitVote = "hub.rate-limit.vote";
    /// <summary>Too many calls: slow down and try again in a moment.</summary>
    public const string HubRateLimitCall = "hub.rate-limit.call";
    /// <summary>Drawing too fast: the board takes a few dozen changes a second from each drawer.</summary>
    public const string HubRateLimitDraw = "hub.rate-limit.draw";
    /// <summary>Invalid arguments: {0}</summary>
    public const string HubInvalidArguments = "hub.invalid-arguments";
    /// <summary>This connection is closing.</summary>
    public const string HubConnectionClosing = "hub.connection-closing";
    /// <summary>The request could not be read: {0}</summary>
    public const string RequestMalformed = "request.malformed";
    /// <summary>Sign in with a student or teacher account to use the Q&amp;A centre.</summary>
    public const string QaSignInRequired = "qa.sign-in-required";
    /// <summary>No question '{0}'.</summary>
    public const string QaNotFound = "qa.not-found";
    /// <summary>Only students ask questions.</summary>
    public const string QaStudentsAsk = "qa.students-ask";
    /// <summary>Only teachers answer questions.</summary>
    public const string QaTeachersAnswer = "qa.teachers-answer";
    /// <summary>This question has already been asked.</summary>
    public const string QaAlreadyAsked = "qa.already-asked";
    /// <summary>'{0}' is not a subject of the Q&amp;A centre.</summary>
    public const string QaSubjectUnknown = "qa.subject-unknown";
    /// <summary>The grade is 1 to 12.</summary>
    public const string QaGradeRange = "qa.grade-range";
    /// <summary>Choose 1 to {0} knowledge points.</summary>
    public const string QaKnowledgePointCount = "qa.knowledge-point-count";
    /// <summary>'{0}' is not a knowledge point of this subject.</summary>
    public const string QaKnowledgePointUnknown = "qa.knowledge-point-unknown";
    /// <summary>A question has at most {0} photos, each uploaded by its author.</summary>
    public const string QaPhotos = "qa.photos";
    /// <summary>The question is closed.</summary>
    public const string QaClosed = "qa.closed";
    /// <summary>The question has been hidden by an administrator.</summary>
    public const string QaHidden = "qa.hidden";
    /// <summary>You have answered this question already; follow up under your answer instead.</summary>
    public const string QaAlreadyAnswered = "qa.already-answered";
    /// <summary>An answer has 1 to {0} numbered steps.</summary>
    public const string QaStepCount = "qa.step-count";
    /// <summary>An answer recommends at most {0} resources.</summary>
    public const string QaResourceCount = "qa.resource-count";
    /// <summary>A recommended resource names a lesson and a moment of 0 or more.</summary>
    public const string QaResourceInvalid = "qa.resource-invalid";
    /// <summary>Only the question's author adopts an answer.</summary>
    public const string QaAuthorAdopts = "qa.author-adopts";
    /// <summary>Only the question's author rates the answer.</summary>
    public const string QaAuthorRates = "qa.author-rates";
    /// <summary>This question has no answer '{0}'.</summary>
    public const string QaAnswerNotFound = "qa.answer-not-found";
    /// <summary>An answer has already been adopted.</summary>
    public const string QaAlreadyAdopted = "qa.already-adopted";
    /// <summary>Adopt an answer first: only the adopted answer is rated.</summary>
    public const string QaRateAdoptedOnly = "qa.rate-adopted-only";
    /// <summary>The answer has already been rated.</summary>
    public const string QaAlreadyRated = "qa.already-rated";
    /// <summary>A rating is 1 to 5 stars.</summary>
    public const string QaStars = "qa.stars";
    /// <summary>Only the question's author and this answer's teacher may follow up.</summary>
    public const string QaFollowUpWho = "qa.follow-up-who";
    /// <summary>This thread is full ({0} follow-ups): ask a new question.</summary>
    public const string QaFollowUpsFull = "qa.follow-ups-full";
    /// <summary>Only the question's author or an administrator may close it.</summary>
    public const string QaCloseWho = "qa.close-who";
    /// <summary>You cannot report your own question.</summary>
    public const string QaReportOwn = "qa.report-own";
    /// <summary>You have already reported this question.</summary>
    public const string QaAlreadyReported = "qa.already-reported";
    /// <summary>Only administrators may hide or show questions.</summary>
    public const string QaAdministratorsOnly = "qa.administrators-only";
    /// <summary>This subject already has a knowledge point named '{0}'.</summary>
    public const string QaKnowledgePointExists = "qa.knowledge-point-exists";
    /// <summary>Too many questions, answers and follow-ups at once: try again in {0} seconds.</summary>
    public const string QaRateLimit = "qa.rate-limit";
    /// <summary>Something went wrong on our side; try again.</summary>
    public const string ServerError = "server.error";
    /// <summary>The service is briefly unavailable while its database recovers; try again in a moment.</summary>
    public const string ServerUnavailable = "server.unavailable";
    /// <summary>Invalid request</summary>
    public const string TitleInvalidRequest = "title.invalid-request";
    /// <summary>Not allowed</summary>
    public const string TitleNotAllowed = "title.not-allowed";
    /// <summary>Not found</summary>
    public const string TitleNotFound = "title.not-found";
    /// <summary>Not possible now</summary>
    public const string TitleNotPossibleNow = "title.not-possible-now";
    /// <summary>Server error</summary>
    public const string TitleServerError = "title.server-error";
    /// <summary>Briefly unavailable</summary>
    public const string TitleUnavailable = "title.unavailable";
    /// <summary>Sign-in failed</summary>
    public const string TitleSignInFailed = "title.sign-in-failed";
    /// <summary>Too many requests</summary>
    public const string TitleTooManyRequests = "title.too-many-requests";
}
