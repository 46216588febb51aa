using Microsoft.AspNetCore.SignalR;

namespace Classroom.Bench.Fanout;

/// <summary>
/// The baseline: a plain SignalR hub that broadcasts each chat to a group, with no grains, no log, no per-audience
/// frames. Same wire shape as the gateway, so the same viewers measure both.
/// </summary>
internal sealed class BaselineHub(BaselineSequence sequence) : Hub
{
    public async Task<object> JoinClassroom(string classroomId, long? lastSeq, bool asViewer)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, classroomId);
        return new { through = sequence.Current };
    }

    public Task PostChat(string classroomId, string text)
    {
        var seq = sequence.Next();
        var envelope = new
        {
            classroomId, seq, at = DateTimeOffset.UtcNow, type = "chat.posted", audience = "everyone",
            data = new { messageId = $"m{seq}", userId = "teacher", displayName = "Teacher", role = "teacher", text },
        };
        return Clients.Group(classroomId).SendAsync("events", new[] { envelope }, seq);
    }
}

/// <summary>The baseline's event numbering.</summary>
internal sealed class BaselineSequence
{
    private long _seq;

    public long Current => Interlocked.Read(ref _seq);

    public long Next() => Interlocked.Increment(ref _seq);
}
