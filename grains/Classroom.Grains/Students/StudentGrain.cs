using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Students;
using Classroom.Contracts.Teachers;

namespace Classroom.Grains.Students;

/// <summary>A student: profile, registrations, attendance, ratings given, and where they are in each replay.</summary>
[GrainType("student")]
public sealed class StudentGrain([PersistentState("student")] IPersistentState<StudentState> state) : Grain, IStudentGrain
{
    private static readonly TimeSpan LongestReplay = TimeSpan.FromHours(24);

    public async Task<StudentSummary> SetProfileAsync(StudentProfile profile)
    {
        if (profile is null || string.IsNullOrWhiteSpace(profile.Name) || profile.Name.Length > 100)
        {
            throw new ClassroomValidationException(Refusals.StudentNameLength);
        }

        if (profile.Grade is < 1 or > 12 || (profile.School?.Length ?? 0) > 200 || (profile.District?.Length ?? 0) > 100)
        {
            throw new ClassroomValidationException(Refusals.StudentProfileRange);
        }

        state.State.Profile = profile;
        await state.WriteStateAsync();
        return Summary();
    }

    public Task<StudentSummary> GetSummaryAsync() => Task.FromResult(Summary());

    public Task RecordRegistrationAsync(RegistrationRecord registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        state.State.Registrations[registration.ClassroomId] = registration;
        return state.WriteStateAsync();
    }

    public Task RecordRegistrationCancelledAsync(string classroomId) =>
        state.State.Registrations.Remove(classroomId) ? state.WriteStateAsync() : Task.CompletedTask;

    public Task RecordAttendanceAsync(AttendanceRecord attendance)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        state.State.Attendance[attendance.ClassroomId] = attendance;
        return state.WriteStateAsync();
    }

    public Task RecordRatingAsync(LessonRating rating)
    {
        ArgumentNullException.ThrowIfNull(rating);
        return state.State.Ratings.TryAdd(rating.ClassroomId, rating) ? state.WriteStateAsync() : Task.CompletedTask;
    }

    public Task SaveReplayPositionAsync(string classroomId, TimeSpan position)
    {
        if (!ClassroomIdRule.IsValid(classroomId))
        {
            throw new ClassroomValidationException(Refusals.ReplaySavedLessonRequired);
        }

        if (position < TimeSpan.Zero || position > LongestReplay)
        {
            throw new ClassroomValidationException(Refusals.ReplaySavedPositionRange);
        }

        state.State.ReplayPositions[classroomId] = position;
        return state.WriteStateAsync();
    }

    public Task<TimeSpan?> GetReplayPositionAsync(string classroomId) =>
        Task.FromResult(state.State.ReplayPositions.TryGetValue(classroomId ?? "", out var position) ? position : (TimeSpan?)null);

    private StudentSummary Summary() => new(
        this.GetPrimaryKeyString(), state.State.Profile,
        [.. state.State.Registrations.Values.OrderBy(r => r.StartsAt)],
        [.. state.State.Attendance.Values.OrderBy(a => a.FirstJoinedAt)],
        [.. state.State.Ratings.Values],
        new Dictionary<string, TimeSpan>(state.State.ReplayPositions));
}
