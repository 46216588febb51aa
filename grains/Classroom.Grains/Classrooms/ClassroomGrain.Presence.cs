using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;

namespace Classroom.Grains.Classrooms;

public sealed partial class ClassroomGrain
{
    public async Task<JoinResult> JoinAsync(JoinRequest request)
    {
        RequireExists();
        if (request is null)
        {
            throw new ClassroomValidationException(Refusals.LessonJoinRequestRequired);
        }

        ClassroomRules.CheckId(request.UserId, Phrase.UserId);
        ClassroomRules.CheckId(request.ConnectionId, Phrase.ConnectionId);
        var name = ClassroomRules.CleanName(request.DisplayName);
        if (_state.Status == ClassroomStatus.Ended)
        {
            throw new ClassroomStateException(Refusals.LessonEndedOpenReplay);
        }

        var role = RoleFor(request);
        var known = _state.Participants.GetValueOrDefault(request.UserId);
        // A connection joining again with another role (a tab switching to watching only) is a new join: the role is the
        // connection's, from its latest join.
        if (known?.RoleOf(request.ConnectionId) != role)
        {
            var first = known?.IsPresent != true;
            Raise(new ParticipantJoined(request.UserId, name, role, request.ConnectionId, first), PresenceAudience(request.UserId, role, first, _state.Present + 1));
        }

        var view = Snapshot(request.UserId);
        await CommitAsync();
        return new JoinResult(role, view);
    }

    public async Task LeaveAsync(string userId, string connectionId)
    {
        EnsureHealthy();
        if (_state.Participants.TryGetValue(userId ?? "", out var participant) && participant.Connections.Contains(connectionId ?? ""))
        {
            var last = participant.Connections.Count == 1;
            if (last)
            {
                // Someone who left cannot keep a raised hand or a place on stage.
                if (_state.Hands.Contains(userId!))
                {
                    Raise(new HandLowered(userId!, userId!));
                }

                if (_state.Stage.Contains(userId!))
                {
                    Raise(new StageLeft(userId!, userId!));
                }
            }

            Raise(new ParticipantLeft(userId!, connectionId!, last), PresenceAudience(userId!, participant.Role, last, _state.Present));
        }

        await CommitAsync();
    }

    /// <summary>The role the classroom gives a joining user: from its own state and the account, never from the client.</summary>
    private ParticipantRole RoleFor(JoinRequest request) => request switch
    {
        _ when request.UserId == _state.TeacherId => ParticipantRole.Teacher,
        _ when _state.Assistants.Contains(request.UserId) => ParticipantRole.Assistant,
        { Kind: AccountKind.Student, AsViewer: false } => ParticipantRole.Student,
        _ => ParticipantRole.Viewer,
    };

    /// <summary>
    /// Who hears of a join or leave: staff always; registered students while the class is at most the threshold;
    /// nobody individually otherwise (the class gets counts). Repeat connections of someone present are internal.
    /// </summary>
    private EventAudience PresenceAudience(string userId, ParticipantRole role, bool changesPresence, int present) => role switch
    {
        _ when !changesPresence => EventAudience.Internal,
        ParticipantRole.Teacher or ParticipantRole.Assistant => EventAudience.Everyone,
        ParticipantRole.Student when _state.Registered.Contains(userId) && present <= _options.PresenceThreshold => EventAudience.Everyone,
        _ => EventAudience.Internal,
    };

    /// <summary>Raises a presence count if it changed and the last one is old enough (or <paramref name="force"/>).</summary>
    private bool EmitPresenceCount(bool force = false)
    {
        if (_state.Present == _countedPresent || (!force && Now - _countedAt < _options.PresenceCountInterval))
        {
            return false;
        }

        var students = 0;
        var viewers = 0;
        foreach (var participant in _state.Participants.Values)
        {
            if (participant.IsPresent)
            {
                students += participant.Role == ParticipantRole.Student ? 1 : 0;
                viewers += participant.Role == ParticipantRole.Viewer ? 1 : 0;
            }
        }

        Raise(new PresenceCounted(_state.Present, students, viewers));
        _countedPresent = _state.Present;
        _countedAt = Now;
        return true;
    }
}
