using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;

namespace Classroom.Grains.Classrooms;

public sealed partial class ClassroomGrain
{
    public async Task<ChatMessageView> PostChatAsync(string userId, string text)
    {
        RequireLive("chat");
        var participant = _state.FindPresent(userId ?? "")
            ?? throw new ClassroomPermissionException("Only participants present in the lesson may chat; join it first.");
        var staff = _state.IsStaff(userId!);
        if (participant.Role == ParticipantRole.Viewer)
        {
            throw new ClassroomPermissionException("Viewers cannot chat.");
        }

        if (!staff)
        {
            CheckStudentMayChat(userId!);
        }

        var clean = ClassroomRules.CleanChat(text, _options.ChatMaxLength);
        var message = new ChatPosted($"m{_state.Seq + 1}", userId!, participant.DisplayName, participant.Role, clean);
        var e = Raise(message);
        await CommitAsync();
        return new ChatMessageView(message.MessageId, message.UserId, message.DisplayName, message.Role, message.Text, e.At);
    }

    private void CheckStudentMayChat(string userId)
    {
        if (!_state.ChatEnabled)
        {
            throw new ClassroomStateException("Chat is turned off for students right now.");
        }

        if (_state.Muted.Contains(userId))
        {
            throw new ClassroomPermissionException("You are muted: you cannot chat until the teacher unmutes you.");
        }

        if (_state.SlowModeSeconds > 0 && _state.LastMessageAt.TryGetValue(userId, out var last))
        {
            var wait = last.AddSeconds(_state.SlowModeSeconds) - Now;
            if (wait > TimeSpan.Zero)
            {
                throw new ClassroomStateException($"Slow mode is on: wait {Math.Ceiling(wait.TotalSeconds):0} s before your next message.");
            }
        }
    }

    public async Task DeleteChatAsync(string actorId, string messageId)
    {
        RequireStaff(actorId, "delete messages");
        if (!_state.Messages.Exists(m => m.MessageId == messageId))
        {
            throw new ClassroomNotFoundException($"No recent message '{messageId}' to delete.");
        }

        Raise(new ChatDeleted(messageId, actorId));
        await CommitAsync();
    }

    public async Task MuteAsync(string actorId, string studentId)
    {
        RequireStaff(actorId, "mute students");
        ClassroomRules.CheckId(studentId, "The student id");
        if (_state.IsStaff(studentId))
        {
            throw new ClassroomValidationException("The teacher and assistants cannot be muted.");
        }

        if (!_state.Muted.Contains(studentId))
        {
            Raise(new StudentMuted(studentId, actorId));
        }

        await CommitAsync();
    }

    public async Task UnmuteAsync(string actorId, string studentId)
    {
        RequireStaff(actorId, "unmute students");
        if (_state.Muted.Contains(studentId))
        {
            Raise(new StudentUnmuted(studentId, actorId));
        }

        await CommitAsync();
    }

    public async Task SetSlowModeAsync(string actorId, int seconds)
    {
        RequireStaff(actorId, "set slow mode");
        if (seconds is < 0 or > 3600)
        {
            throw new ClassroomValidationException("Slow mode is 0 (off) to 3600 seconds between a student's messages.");
        }

        if (seconds != _state.SlowModeSeconds)
        {
            Raise(new SlowModeChanged(seconds));
        }

        await CommitAsync();
    }

    public async Task SetChatEnabledAsync(string actorId, bool enabled)
    {
        RequireStaff(actorId, "turn chat on or off");
        if (enabled != _state.ChatEnabled)
        {
            Raise(new ChatEnabledChanged(enabled));
        }

        await CommitAsync();
    }
}
