using Classroom.Contracts.Teachers;
using Classroom.Runtime;
using Classroom.Runtime.Concurrency;

namespace Classroom.Contracts.Students;

/// <summary>A student (key: student id): profile, registrations, attendance, ratings, "continue where I left off".</summary>
public interface IStudentGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the profile.</summary>
    Task<StudentSummary> SetProfileAsync(StudentProfile profile);

    /// <summary>Everything the student grain holds.</summary>
    [ReadOnly]
    Task<StudentSummary> GetSummaryAsync();

    /// <summary>Called by a classroom when the student registered; idempotent.</summary>
    Task RecordRegistrationAsync(RegistrationRecord registration);

    /// <summary>Called by a classroom when the student cancelled; idempotent.</summary>
    Task RecordRegistrationCancelledAsync(string classroomId);

    /// <summary>Called by a classroom when a lesson the student attended ended; replaces any earlier record of it.</summary>
    Task RecordAttendanceAsync(AttendanceRecord attendance);

    /// <summary>Called by a classroom when the student rated it; idempotent.</summary>
    Task RecordRatingAsync(LessonRating rating);

    /// <summary>Saves where the student is in a lesson's replay.</summary>
    Task SaveReplayPositionAsync(string classroomId, TimeSpan position);

    /// <summary>Where the student left a lesson's replay, if anywhere.</summary>
    [ReadOnly]
    Task<TimeSpan?> GetReplayPositionAsync(string classroomId);
}
