using System.Text.Json.Serialization;
using Classroom.Contracts.Accounts;
using Classroom.Contracts.Catalog;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Events;
using Classroom.Contracts.Photos;
using Classroom.Contracts.Replays;
using Classroom.Contracts.Students;
using Classroom.Contracts.Teachers;

namespace Classroom.Contracts.Serialization;

/// <summary>Source-generated JSON metadata for every type the protocol carries.</summary>
[JsonSerializable(typeof(AccountRecord))]
[JsonSerializable(typeof(LessonListing))]
[JsonSerializable(typeof(LessonQuery))]
[JsonSerializable(typeof(IReadOnlyList<LessonListing>))]
[JsonSerializable(typeof(CoursePreview))]
[JsonSerializable(typeof(ClassroomSnapshot))]
[JsonSerializable(typeof(JoinRequest))]
[JsonSerializable(typeof(JoinResult))]
[JsonSerializable(typeof(PollDefinition))]
[JsonSerializable(typeof(PollExport))]
[JsonSerializable(typeof(ChatMessageView))]
[JsonSerializable(typeof(ClassroomEventPage))]
[JsonSerializable(typeof(ReplayInfo))]
[JsonSerializable(typeof(ReplayFrame))]
[JsonSerializable(typeof(ChatSearchResult))]
[JsonSerializable(typeof(ClassroomEvent))]
[JsonSerializable(typeof(ClassroomEventBatch))]
[JsonSerializable(typeof(EventAudience))]
[JsonSerializable(typeof(IReadOnlyList<int>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(PhotoInfo))]
[JsonSerializable(typeof(PhotoContent))]
[JsonSerializable(typeof(TeacherProfile))]
[JsonSerializable(typeof(TeacherSummary))]
[JsonSerializable(typeof(LessonRecord))]
[JsonSerializable(typeof(LessonRating))]
[JsonSerializable(typeof(StudentProfile))]
[JsonSerializable(typeof(StudentSummary))]
[JsonSerializable(typeof(RegistrationRecord))]
[JsonSerializable(typeof(AttendanceRecord))]
[JsonSerializable(typeof(TimeSpan?))]
[JsonSerializable(typeof(LessonScheduled))]
[JsonSerializable(typeof(PreviewEdited))]
[JsonSerializable(typeof(LessonStarted))]
[JsonSerializable(typeof(LessonEnded))]
[JsonSerializable(typeof(LessonRated))]
[JsonSerializable(typeof(AssistantAppointed))]
[JsonSerializable(typeof(AssistantDismissed))]
[JsonSerializable(typeof(StudentRegistered))]
[JsonSerializable(typeof(RegistrationCancelled))]
[JsonSerializable(typeof(ParticipantJoined))]
[JsonSerializable(typeof(ParticipantLeft))]
[JsonSerializable(typeof(PresenceCounted))]
[JsonSerializable(typeof(ChatPosted))]
[JsonSerializable(typeof(ChatDeleted))]
[JsonSerializable(typeof(StudentMuted))]
[JsonSerializable(typeof(StudentUnmuted))]
[JsonSerializable(typeof(SlowModeChanged))]
[JsonSerializable(typeof(ChatEnabledChanged))]
[JsonSerializable(typeof(PollOpened))]
[JsonSerializable(typeof(QuizAnswerKeySet))]
[JsonSerializable(typeof(VoteCast))]
[JsonSerializable(typeof(PollTallied))]
[JsonSerializable(typeof(PollClosed))]
[JsonSerializable(typeof(PollResultsPublished))]
[JsonSerializable(typeof(HandRaised))]
[JsonSerializable(typeof(HandLowered))]
[JsonSerializable(typeof(StageInvited))]
[JsonSerializable(typeof(StageLeft))]
[JsonSerializable(typeof(MarkerAdded))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
