using Classroom.Contracts.Catalog;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Questions;
using Classroom.Contracts.Students;
using Classroom.Contracts.Teachers;

namespace Classroom.Grains.Classrooms;

// What the classroom tells other grains (teacher, students, the catalog): best effort, after its own commit.
public sealed partial class ClassroomGrain
{
    /// <summary>Tells the teacher and the schedule that the lesson changed.</summary>
    private Task NotifyTeacherAsync()
    {
        var preview = _state.Preview!;
        var attendees = _state.Participants.Values.Count(p => p.Role == ParticipantRole.Student && (p.LiveTime > TimeSpan.Zero || p.IsPresent));
        var record = new LessonRecord(Id, preview.Title, preview.Subject, preview.StartsAt, _state.Status, attendees);
        return Task.WhenAll(
            NoticeAsync($"teacher/{preview.TeacherId}", "its lesson", () => GrainFactory.GetGrain<ITeacherGrain>(preview.TeacherId).RecordLessonAsync(record)),
            NotifyCatalogAsync(),
            NotifySearchAsync());
    }

    /// <summary>
    /// Tells the subject's search index about the lesson: once it has ended, its replay is a lesson students find
    /// beside similar questions in the Q&amp;A centre (until then it is held but never found).
    /// </summary>
    private Task NotifySearchAsync()
    {
        var preview = _state.Preview!;
        if (!QaSubjects.IsKnown(preview.Subject))
        {
            return Task.CompletedTask;
        }

        var ended = _state.Status == ClassroomStatus.Ended;
        var document = new SearchDocument(Id, SearchKinds.Lesson, preview.Subject, preview.Grade, [], preview.Title, preview.Description, "",
            Answered: ended, Adopted: false, Visible: ended, preview.StartsAt);
        return NoticeAsync($"question-index/{preview.Subject}", "its replay", () => GrainFactory.GetGrain<IQuestionIndexGrain>(preview.Subject).UpsertAsync(document));
    }

    /// <summary>Tells the schedule the lesson's listing (status, registered count).</summary>
    private Task NotifyCatalogAsync()
    {
        var preview = _state.Preview!;
        var listing = new LessonListing(Id, preview.Title, preview.Subject, preview.Grade, preview.CourseType, preview.StartsAt, preview.Duration,
            preview.TeacherId, _state.Status, _state.Registered.Count, preview.Capacity);
        return NoticeAsync("lesson-catalog", "its listing", () => GrainFactory.GetGrain<ILessonCatalogGrain>(ILessonCatalogGrain.Key).UpsertAsync(listing));
    }

    private Task NotifyAttendanceAsync()
    {
        var preview = _state.Preview!;
        var notices = _state.Participants
            .Where(p => p.Value.Role == ParticipantRole.Student && p.Value.LiveTime > TimeSpan.Zero)
            .Select(p => NoticeAsync($"student/{p.Key}", "attendance", () => GrainFactory.GetGrain<IStudentGrain>(p.Key)
                .RecordAttendanceAsync(new AttendanceRecord(Id, preview.Title, preview.TeacherId, p.Value.FirstJoinedAt, p.Value.LiveTime))));
        return Task.WhenAll(notices);
    }

    /// <summary>
    /// Tells another grain what this classroom committed. The classroom's log is the record; a notice that fails is
    /// logged and does not undo the action (the notices are idempotent, so a retried action repeats them).
    /// </summary>
    private async Task NoticeAsync(string grain, string what, Func<Task> notice)
    {
        try
        {
            await notice();
        }
        catch (Exception e)
        {
            NoticeFailed(logger, e, Id, grain, what);
        }
    }
}
