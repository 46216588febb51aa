using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;
using Classroom.Contracts.Students;

namespace Classroom.Grains.Classrooms;

// Students registering in advance, within the lesson's capacity.
public sealed partial class ClassroomGrain
{
    public async Task RegisterAsync(string studentId)
    {
        RequireExists();
        ClassroomRules.CheckId(studentId, Phrase.StudentId);
        if (_state.Status == ClassroomStatus.Ended)
        {
            throw new ClassroomStateException(Refusals.RegistrationClosed);
        }

        if (!_state.Registered.Contains(studentId))
        {
            if (_state.Preview!.Capacity is { } capacity && _state.Registered.Count >= capacity)
            {
                throw new ClassroomStateException(Refusals.RegistrationFull, capacity);
            }

            Raise(new StudentRegistered(studentId), EventAudience.Staff);
        }

        await CommitAsync();
        await NotifyCatalogAsync();
        var preview = _state.Preview!;
        await NoticeAsync($"student/{studentId}", "a registration", () => GrainFactory.GetGrain<IStudentGrain>(studentId)
            .RecordRegistrationAsync(new RegistrationRecord(Id, preview.Title, preview.Subject, preview.StartsAt, preview.TeacherId)));
    }

    public async Task CancelRegistrationAsync(string studentId)
    {
        RequireExists();
        if (_state.Registered.Contains(studentId))
        {
            if (_state.Status != ClassroomStatus.Scheduled)
            {
                throw new ClassroomStateException(Refusals.RegistrationCancelTooLate);
            }

            Raise(new RegistrationCancelled(studentId), EventAudience.Staff);
        }

        await CommitAsync();
        await NotifyCatalogAsync();
        await NoticeAsync($"student/{studentId}", "a cancellation", () => GrainFactory.GetGrain<IStudentGrain>(studentId).RecordRegistrationCancelledAsync(Id));
    }
}
