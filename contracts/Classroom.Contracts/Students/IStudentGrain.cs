using Classroom.Contracts.Teachers;
using Orleans.Concurrency;

namespace Classroom.Contracts.Students;

/// <summary>A student (key: student id): profile, registrations, attendance, ratings, "continue where I left off".</summary>
[Alias("IStudentGrain")]
public interface IStudentGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the profile.</summary>
    [Alias("SetProfileAsync")]
    Task<StudentSummary> SetProfileAsync(StudentProfile profile);

    /// <summary>Everything the student grain holds.</summary>
    [ReadOnly]
    [Alias("GetSummaryAsync")]
    Task<StudentSummary> GetSummaryAsync();

    /// <summary>Called by a classroom when the student registered; idempotent.</summary>
    [Alias("RecordRegistrationAsync")]
    Task RecordRegistrationAsync(RegistrationRecord registration);

    /// <summary>Called by a classroom when the student cancelled; idempotent.</summary>
    [Alias("RecordRegistrationCancelledAsync")]
    Task RecordRegistrationCancelledAsync(string classroomId);

    /// <summary>Called by a classroom when a lesson the student attended ended; replaces any earlier record of it.</summary>
    [Alias("RecordAttendanceAsync")]
    Task RecordAttendanceAsync(AttendanceRecord attendance);

    /// <summary>Called by a classroom when the student rated it; idempotent.</summary>
    [Alias("RecordRatingAsync")]
    Task RecordRatingAsync(LessonRating rating);

    /// <summary>Saves where the student is in a lesson's replay.</summary>
    [Alias("SaveReplayPositionAsync")]
    Task SaveReplayPositionAsync(string classroomId, TimeSpan position);

    /// <summary>Where the student left a lesson's replay, if anywhere.</summary>
    [ReadOnly]
    [Alias("GetReplayPositionAsync")]
    Task<TimeSpan?> GetReplayPositionAsync(string classroomId);
}
