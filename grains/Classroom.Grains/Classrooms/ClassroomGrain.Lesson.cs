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
            throw new ClassroomPermissionException("A teacher schedules lessons of their own only: the preview names another teacher.");
        }

        if (_state.Status != ClassroomStatus.None)
        {
            throw new ClassroomStateException($"Lesson '{Id}' is already scheduled; edit its preview instead.");
        }

        Raise(new LessonScheduled(preview));
        var view = Snapshot(teacherId);
        await CommitAsync();
        await NotifyTeacherAsync();
        return view;
    }

    public async Task<ClassroomSnapshot> EditPreviewAsync(string actorId, CoursePreview preview)
    {
        RequireStaff(actorId, "edit the preview");
        ClassroomRules.CheckPreview(preview);
        if (_state.Status != ClassroomStatus.Scheduled)
        {
            throw new ClassroomStateException("The preview can only be edited before the lesson starts.");
        }

        if (preview.TeacherId != _state.TeacherId)
        {
            throw new ClassroomValidationException("A lesson's teacher cannot be changed.");
        }

        if (preview.Capacity is { } capacity && capacity < _state.Registered.Count)
        {
            throw new ClassroomValidationException($"{_state.Registered.Count} students are registered: the capacity cannot go below that.");
        }

        Raise(new PreviewEdited(preview));
        var view = Snapshot(actorId);
        await CommitAsync();
        await NotifyTeacherAsync();
        return view;
    }

    public async Task StartAsync(string actorId)
    {
        RequireStaff(actorId, "start the lesson");
        if (_state.Status != ClassroomStatus.Scheduled)
        {
            throw new ClassroomStateException(_state.Status == ClassroomStatus.Live ? "The lesson is already live." : "The lesson has ended; it cannot start again.");
        }

        Raise(new LessonStarted(actorId));
        StartCadence();
        await CommitAsync();
        await NotifyTeacherAsync();
    }

    public async Task EndAsync(string actorId)
    {
        RequireStaff(actorId, "end the lesson");
        if (_state.Status != ClassroomStatus.Live)
        {
            throw new ClassroomStateException(_state.Status == ClassroomStatus.Ended ? "The lesson has already ended." : "The lesson has not started.");
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
        RequireTeacher(actorId, "appoint assistants");
        ClassroomRules.CheckId(assistantId, "The assistant's user id");
        if (assistantId == _state.TeacherId)
        {
            throw new ClassroomValidationException("The teacher is already in charge of the lesson.");
        }

        if (!_state.Assistants.Contains(assistantId))
        {
            Raise(new AssistantAppointed(assistantId));
        }

        await CommitAsync();
    }

    public async Task DismissAssistantAsync(string actorId, string assistantId)
    {
        RequireTeacher(actorId, "dismiss assistants");
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
            throw new ClassroomStateException("A lesson can be rated once it has ended.");
        }

        if (!_state.Participants.TryGetValue(studentId, out var participant) || participant.Role != ParticipantRole.Student || participant.LiveTime <= TimeSpan.Zero)
        {
            throw new ClassroomPermissionException("Only students who attended the lesson may rate it.");
        }

        if (stars is < 1 or > 5)
        {
            throw new ClassroomValidationException($"A rating is 1 to 5 stars, not {stars}.");
        }

        var clean = ClassroomRules.CleanTags(tags);
        if (_state.Ratings.TryGetValue(studentId, out var earlier))
        {
            if (earlier.Stars != stars || !earlier.Tags.SequenceEqual(clean))
            {
                throw new ClassroomStateException("You have already rated this lesson; a rating cannot be changed.");
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
