using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Teachers;

namespace Classroom.Grains.Teachers;

/// <summary>A teacher: profile, lessons, and the aggregate of the ratings and style tags students gave.</summary>
[GrainType("teacher")]
public sealed class TeacherGrain([PersistentState("teacher")] IPersistentState<TeacherState> state) : Grain, ITeacherGrain
{
    public async Task<TeacherSummary> SetProfileAsync(TeacherProfile profile)
    {
        Check(profile);
        state.State.Profile = profile with { Subjects = [.. profile.Subjects.Select(s => s.Trim())] };
        await state.WriteStateAsync();
        return Summary();
    }

    public Task<TeacherSummary> GetSummaryAsync() => Task.FromResult(Summary());

    public async Task RecordLessonAsync(LessonRecord lesson)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        state.State.Lessons[lesson.ClassroomId] = lesson;
        await state.WriteStateAsync();
    }

    public async Task RecordRatingAsync(LessonRating rating)
    {
        ArgumentNullException.ThrowIfNull(rating);
        if (!state.State.Ratings.TryGetValue(rating.ClassroomId, out var lesson))
        {
            state.State.Ratings[rating.ClassroomId] = lesson = [];
        }

        if (lesson.TryAdd(rating.StudentId, rating))
        {
            await state.WriteStateAsync();
        }
    }

    private TeacherSummary Summary()
    {
        var ratings = state.State.Ratings.Values.SelectMany(r => r.Values).ToList();
        var tags = ratings.SelectMany(r => r.Tags).GroupBy(t => t).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        var ended = state.State.Lessons.Values.Where(l => l.Status == ClassroomStatus.Ended).ToList();
        return new TeacherSummary(
            this.GetPrimaryKeyString(), state.State.Profile, [.. state.State.Lessons.Values.OrderBy(l => l.StartsAt)],
            ended.Count, ended.Sum(l => l.Attendees), ratings.Count,
            ratings.Count == 0 ? 0 : Math.Round(ratings.Average(r => r.Stars), 2), tags);
    }

    private static void Check(TeacherProfile? profile)
    {
        if (profile is null || string.IsNullOrWhiteSpace(profile.Name) || profile.Name.Length > 100)
        {
            throw new ClassroomValidationException(Refusals.TeacherNameLength);
        }

        if (profile.Subjects is null || profile.Subjects.Count > 10 || profile.Subjects.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > 50))
        {
            throw new ClassroomValidationException(Refusals.TeacherSubjects);
        }

        if ((profile.Title?.Length ?? 0) > 100 || (profile.School?.Length ?? 0) > 200 || (profile.District?.Length ?? 0) > 100 || (profile.Bio?.Length ?? 0) > 4000)
        {
            throw new ClassroomValidationException(Refusals.TeacherProfileLength);
        }

        if (profile.YearsOfTeaching is < 0 or > 80)
        {
            throw new ClassroomValidationException(Refusals.TeacherYearsRange);
        }
    }
}
