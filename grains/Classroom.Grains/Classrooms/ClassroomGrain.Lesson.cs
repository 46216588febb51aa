using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;
using Classroom.Contracts.Students;
using Classroom.Contracts.Teachers;

namespace Classroom.Grains.Classrooms;

// The lesson itself: scheduling, its preview, starting and ending it, its staff, and its ratings.
public sealed partial class ClassroomGrain
{
    public async Task<ClassroomSnapshot> ScheduleAsync(string teacherId, CoursePreview preview)
    {
        EnsureHealthy();
        ClassroomRules.CheckPreview(preview);
        if (teacherId != preview.TeacherId)
        {
            throw new ClassroomPermissionException(Refusals.LessonScheduleOwnOnly);
        }

        if (_state.Status != ClassroomStatus.None)
        {
            throw new ClassroomStateException(Refusals.LessonAlreadyScheduled, Id);
        }

        Raise(new LessonScheduled(preview));
        var view = Snapshot(teacherId);
        await CommitAsync();
        await NotifyTeacherAsync();
        return view;
    }

    public async Task<ClassroomSnapshot> EditPreviewAsync(string actorId, CoursePreview preview)
    {
        RequireStaff(actorId, Phrase.EditPreview);
        ClassroomRules.CheckPreview(preview);
        if (_state.Status != ClassroomStatus.Scheduled)
        {
            throw new ClassroomStateException(Refusals.LessonPreviewLocked);
        }

        if (preview.TeacherId != _state.TeacherId)
        {
            throw new ClassroomValidationException(Refusals.LessonTeacherFixed);
        }

        if (preview.Capacity is { } capacity && capacity < _state.Registered.Count)
        {
            throw new ClassroomValidationException(Refusals.LessonCapacityBelowRegistered, _state.Registered.Count);
        }

        Raise(new PreviewEdited(preview));
        var view = Snapshot(actorId);
        await CommitAsync();
        await NotifyTeacherAsync();
        return view;
    }

    public async Task StartAsync(string actorId)
    {
        RequireStaff(actorId, Phrase.StartLesson);
        if (_state.Status != ClassroomStatus.Scheduled)
        {
            throw new ClassroomStateException(_state.Status == ClassroomStatus.Live ? Refusals.LessonAlreadyLive : Refusals.LessonCannotRestart);
        }

        Raise(new LessonStarted(actorId));
        StartCadence();
        await CommitAsync();
        await NotifyTeacherAsync();
    }

    public async Task EndAsync(string actorId)
    {
        RequireStaff(actorId, Phrase.EndLesson);
        if (_state.Status != ClassroomStatus.Live)
        {
            throw new ClassroomStateException(_state.Status == ClassroomStatus.Ended ? Refusals.LessonAlreadyEnded : Refusals.LessonNotStarted);
        }

        foreach (var poll in _state.Polls.Where(p => p.Status == PollStatus.Open).ToList())
        {
            ClosePoll(poll);
        }

        EmitPresenceCount(force: true);
        Raise(new LessonEnded(actorId));
        StopCadence();
        await CommitAsync();
        await Task.WhenAll(NotifyTeacherAsync(), NotifyAttendanceAsync());
    }

    public async Task AppointAssistantAsync(string actorId, string assistantId)
    {
        RequireTeacher(actorId, Phrase.AppointAssistants);
        ClassroomRules.CheckId(assistantId, Phrase.AssistantId);
        if (assistantId == _state.TeacherId)
        {
            throw new ClassroomValidationException(Refusals.LessonTeacherAlreadyInCharge);
        }

        if (!_state.Assistants.Contains(assistantId))
        {
            Raise(new AssistantAppointed(assistantId));
        }

        await CommitAsync();
    }

    public async Task DismissAssistantAsync(string actorId, string assistantId)
    {
        RequireTeacher(actorId, Phrase.DismissAssistants);
        if (_state.Assistants.Contains(assistantId))
        {
            Raise(new AssistantDismissed(assistantId));
        }

        await CommitAsync();
    }

    public async Task RateAsync(string studentId, int stars, IReadOnlyList<string> tags)
    {
        RequireExists();
        if (_state.Status != ClassroomStatus.Ended)
        {
            throw new ClassroomStateException(Refusals.RatingNotEnded);
        }

        if (!_state.Participants.TryGetValue(studentId, out var participant) || participant.Role != ParticipantRole.Student || participant.LiveTime <= TimeSpan.Zero)
        {
            throw new ClassroomPermissionException(Refusals.RatingAttendeesOnly);
        }

        if (stars is < 1 or > 5)
        {
            throw new ClassroomValidationException(Refusals.RatingStarsRange, stars);
        }

        var clean = ClassroomRules.CleanTags(tags);
        if (_state.Ratings.TryGetValue(studentId, out var earlier))
        {
            if (earlier.Stars != stars || !earlier.Tags.SequenceEqual(clean))
            {
                throw new ClassroomStateException(Refusals.RatingAlreadyRated);
            }
        }
        else
        {
            Raise(new LessonRated(studentId, stars, clean), EventAudience.Staff);
        }

        await CommitAsync();
        var rating = new LessonRating(Id, _state.TeacherId!, studentId, stars, clean);
        await Task.WhenAll(
            NoticeAsync($"teacher/{rating.TeacherId}", "a rating", () => GrainFactory.GetGrain<ITeacherGrain>(rating.TeacherId).RecordRatingAsync(rating)),
            NoticeAsync($"student/{studentId}", "a rating", () => GrainFactory.GetGrain<IStudentGrain>(studentId).RecordRatingAsync(rating)));
    }
}
