using Orleans.Concurrency;

namespace Classroom.Contracts.Teachers;

/// <summary>A teacher (key: teacher id): profile, lessons, and the aggregate of students' ratings.</summary>
[Alias("ITeacherGrain")]
public interface ITeacherGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the profile.</summary>
    [Alias("SetProfileAsync")]
    Task<TeacherSummary> SetProfileAsync(TeacherProfile profile);

    /// <summary>The profile and aggregates.</summary>
    [ReadOnly]
    [Alias("GetSummaryAsync")]
    Task<TeacherSummary> GetSummaryAsync();

    /// <summary>Called by a classroom when one of this teacher's lessons is scheduled, changes or ends.</summary>
    [Alias("RecordLessonAsync")]
    Task RecordLessonAsync(LessonRecord lesson);

    /// <summary>Called by a classroom when a student rates a lesson; idempotent per lesson and student.</summary>
    [Alias("RecordRatingAsync")]
    Task RecordRatingAsync(LessonRating rating);
}
