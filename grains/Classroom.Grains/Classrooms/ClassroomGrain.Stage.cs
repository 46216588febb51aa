using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;

namespace Classroom.Grains.Classrooms;

public sealed partial class ClassroomGrain
{
    public Task RaiseHandAsync(string studentId)
    {
        RequireLive(Phrase.RaiseHand);
        RequirePresentStudent(studentId ?? "", Phrase.RaiseHand);
        return RaiseHandOfAsync(studentId!);
    }

    public Task RaiseHandAsync(string studentId, string connectionId)
    {
        RequireLive(Phrase.RaiseHand);
        RequireStudentConnection(studentId, connectionId, Phrase.RaiseHand);
        return RaiseHandOfAsync(studentId);
    }

    private async Task RaiseHandOfAsync(string studentId)
    {
        if (_state.Stage.Contains(studentId))
        {
            throw new ClassroomStateException(Refusals.StageAlreadyOn);
        }

        if (!_state.Hands.Contains(studentId))
        {
            Raise(new HandRaised(studentId));
        }

        await CommitAsync();
    }

    public async Task LowerHandAsync(string actorId, string studentId)
    {
        RequireExists();
        if (actorId != studentId && !_state.IsStaff(actorId))
        {
            throw new ClassroomPermissionException(Refusals.StageLowerHandNotAllowed);
        }

        if (_state.Hands.Contains(studentId))
        {
            Raise(new HandLowered(studentId, actorId));
        }

        await CommitAsync();
    }

    public async Task InviteToStageAsync(string actorId, string studentId)
    {
        RequireStaff(actorId, Phrase.InviteOnStage);
        RequireLive(Phrase.GoOnStage);
        RequirePresentStudent(studentId ?? "", Phrase.GoOnStage);
        if (!_state.Stage.Contains(studentId!))
        {
            if (_state.Stage.Count >= _options.StageSize)
            {
                throw new ClassroomStateException(Refusals.StageFull, _options.StageSize);
            }

            Raise(new StageInvited(studentId!, actorId));
        }

        await CommitAsync();
    }

    public async Task RemoveFromStageAsync(string actorId, string studentId)
    {
        RequireExists();
        if (actorId != studentId && !_state.IsStaff(actorId))
        {
            throw new ClassroomPermissionException(Refusals.StageLeaveNotAllowed);
        }

        if (_state.Stage.Contains(studentId))
        {
            Raise(new StageLeft(studentId, actorId));
        }

        await CommitAsync();
    }

    public async Task AddMarkerAsync(string actorId, string label)
    {
        RequireStaff(actorId, Phrase.AddMarkers);
        RequireLive(Phrase.AddMarkers);
        Raise(new MarkerAdded(ClassroomRules.CleanLabel(label), actorId));
        await CommitAsync();
    }
}
