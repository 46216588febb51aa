using System.Text.Json.Serialization;
using Classroom.Grains.Classrooms;
using Classroom.Grains.Students;
using Classroom.Grains.Teachers;

namespace Classroom.Grains.Serialization;

/// <summary>Source-generated JSON metadata for the grains' stored state. Stored names are stable: never rename one.</summary>
[JsonSerializable(typeof(ClassroomState))]
[JsonSerializable(typeof(TeacherState))]
[JsonSerializable(typeof(StudentState))]
[JsonSerializable(typeof(Accounts.AccountState))]
[JsonSerializable(typeof(Accounts.RefreshTokenFamilyState))]
[JsonSerializable(typeof(Catalog.LessonCatalogState))]
[JsonSerializable(typeof(Replays.ReplayIndexState))]
[JsonSerializable(typeof(Replays.ReplayCheckpoint))]
[JsonSerializable(typeof(Questions.QuestionListState))]
[JsonSerializable(typeof(Questions.KnowledgePointCatalogState))]
[JsonSerializable(typeof(Photos.PhotoState))]
[JsonSerializable(typeof(MicroLessons.MicroLessonState))]
[JsonSerializable(typeof(MicroLessons.MicroLessonListState))]
internal sealed partial class GrainStateJsonContext : JsonSerializerContext;
