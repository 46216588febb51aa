using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;

namespace Classroom.Grains.Classrooms;

public sealed partial class ClassroomGrain
{
    public Task<ChatMessageView> PostChatAsync(string userId, string text)
    {
        RequireLive(Phrase.Chat);
        var participant = _state.FindPresent(userId ?? "")
            ?? throw new ClassroomPermissionException(Refusals.LessonPresentOnly, Phrase.Chat);
        return PostChatAsync(userId!, participant, participant.Role, text);
    }

    public Task<ChatMessageView> PostChatAsync(string userId, string connectionId, string text)
    {
        RequireLive(Phrase.Chat);
        var (participant, role) = RequireConnection(userId, connectionId, Phrase.Chat);
        return PostChatAsync(userId, participant, role, text);
    }

    private async Task<ChatMessageView> PostChatAsync(string userId, ParticipantState participant, ParticipantRole role, string text)
    {
        var staff = _state.IsStaff(userId);
        if (role == ParticipantRole.Viewer)
        {
            throw new ClassroomPermissionException(Refusals.LessonViewersCannot, Phrase.Chat);
        }

        if (!staff)
        {
            CheckStudentMayChat(userId);
        }

        var clean = ClassroomRules.CleanChat(text, _options.ChatMaxLength);
        var message = new ChatPosted($"m{_state.Seq + 1}", userId, participant.DisplayName, role, clean);
        var e = Raise(message);
        await CommitAsync();
        return new ChatMessageView(message.MessageId, message.UserId, message.DisplayName, message.Role, message.Text, e.At);
    }

    private void CheckStudentMayChat(string userId)
    {
        if (!_state.ChatEnabled)
        {
            throw new ClassroomStateException(Refusals.ChatOff);
        }

        if (_state.Muted.Contains(userId))
        {
            throw new ClassroomPermissionException(Refusals.ChatMuted);
        }

        if (_state.SlowModeSeconds > 0 && _state.LastMessageAt.TryGetValue(userId, out var last))
        {
            var wait = last.AddSeconds(_state.SlowModeSeconds) - Now;
            if (wait > TimeSpan.Zero)
            {
                throw new ClassroomStateException(Refusals.ChatSlowMode, (int)Math.Ceiling(wait.TotalSeconds));
            }
        }
    }

    public async Task DeleteChatAsync(string actorId, string messageId)
    {
        RequireStaff(actorId, Phrase.DeleteMessages);
        if (!_state.Messages.Exists(m => m.MessageId == messageId))
        {
            throw new ClassroomNotFoundException(Refusals.ChatMessageNotFound, messageId);
        }

        Raise(new ChatDeleted(messageId, actorId));
        await CommitAsync();
    }

    public async Task MuteAsync(string actorId, string studentId)
    {
        RequireStaff(actorId, Phrase.MuteStudents);
        ClassroomRules.CheckId(studentId, Phrase.StudentId);
        if (_state.IsStaff(studentId))
        {
            throw new ClassroomValidationException(Refusals.ChatStaffNotMutable);
        }

        if (!_state.Muted.Contains(studentId))
        {
            Raise(new StudentMuted(studentId, actorId));
        }

        await CommitAsync();
    }

    public async Task UnmuteAsync(string actorId, string studentId)
    {
        RequireStaff(actorId, Phrase.UnmuteStudents);
        if (_state.Muted.Contains(studentId))
        {
            Raise(new StudentUnmuted(studentId, actorId));
        }

        await CommitAsync();
    }

    public async Task SetSlowModeAsync(string actorId, int seconds)
    {
        RequireStaff(actorId, Phrase.SetSlowMode);
        if (seconds is < 0 or > 3600)
        {
            throw new ClassroomValidationException(Refusals.ChatSlowModeRange);
        }

        if (seconds != _state.SlowModeSeconds)
        {
            Raise(new SlowModeChanged(seconds));
        }

        await CommitAsync();
    }

    public async Task SetChatEnabledAsync(string actorId, bool enabled)
    {
        RequireStaff(actorId, Phrase.ToggleChat);
        if (enabled != _state.ChatEnabled)
        {
            Raise(new ChatEnabledChanged(enabled));
        }

        await CommitAsync();
    }
}
