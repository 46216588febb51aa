using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;

namespace Classroom.Grains.Classrooms;

public sealed partial class ClassroomGrain
{
    public async Task RaiseHandAsync(string studentId)
    {
        RequireLive("raise a hand");
        RequirePresentStudent(studentId ?? "", "raise a hand");
        if (_state.Stage.Contains(studentId!))
        {
            throw new ClassroomStateException("You are on stage already.");
        }

        if (!_state.Hands.Contains(studentId!))
        {
            Raise(new HandRaised(studentId!));
        }

        await CommitAsync();
    }

    public async Task LowerHandAsync(string actorId, string studentId)
    {
        RequireExists();
        if (actorId != studentId && !_state.IsStaff(actorId))
        {
            throw new ClassroomPermissionException("A hand is lowered by its student or by the teacher or an assistant.");
        }

        if (_state.Hands.Contains(studentId))
        {
            Raise(new HandLowered(studentId, actorId));
        }

        await CommitAsync();
    }

    public async Task InviteToStageAsync(string actorId, string studentId)
    {
        RequireStaff(actorId, "invite students on stage");
        RequireLive("go on stage");
        RequirePresentStudent(studentId ?? "", "go on stage");
        if (!_state.Stage.Contains(studentId!))
        {
            if (_state.Stage.Count >= _options.StageSize)
            {
                throw new ClassroomStateException($"The stage is full ({_options.StageSize} students); remove someone first.");
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
            throw new ClassroomPermissionException("A student leaves the stage by themselves or is removed by the teacher or an assistant.");
        }

        if (_state.Stage.Contains(studentId))
        {
            Raise(new StageLeft(studentId, actorId));
        }

        await CommitAsync();
    }

    public async Task AddMarkerAsync(string actorId, string label)
    {
        RequireStaff(actorId, "add markers");
        RequireLive("add markers");
        Raise(new MarkerAdded(ClassroomRules.CleanLabel(label), actorId));
        await CommitAsync();
    }
}
