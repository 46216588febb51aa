using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;
using Classroom.Contracts.Replays;

namespace Classroom.Grains.Replays;

public sealed partial class ReplayGrain
{
    private const int MaxQueryLength = 100;
    private const int MaxHits = 100;

    // Every message of the lesson that was not deleted, oldest first. Built on the first search, not at activation: most
    // viewers never search, and building it reads the whole log.
    private readonly List<ChatSearchHit?> _chat = [];
    private readonly Dictionary<string, int> _chatPositions = [];
    private long _chatSeq;
    private Task? _indexingChat;

    public async Task<ChatSearchResult> SearchChatAsync(string viewerId, string query, int maxCount)
    {
        var text = query?.Trim() ?? "";
        if (text.Length is 0 or > MaxQueryLength || maxCount is < 1 or > MaxHits)
        {
            throw new ClassroomValidationException(Refusals.ReplaySearchRange, MaxQueryLength, MaxHits);
        }

        var startedAt = await RequireStartedAsync();
        if (_chatSeq < _head.Seq)
        {
            await (_indexingChat is { IsCompleted: false } running ? running : _indexingChat = IndexChatAsync(startedAt));
        }

        var hits = new List<ChatSearchHit>(maxCount);
        foreach (var hit in _chat)
        {
            if (hit is not null && hit.Message.Text.Contains(text, StringComparison.CurrentCultureIgnoreCase))
            {
                if (hits.Count == maxCount)
                {
                    return new ChatSearchResult(text, hits, HasMore: true);
                }

                hits.Add(hit);
            }
        }

        return new ChatSearchResult(text, hits, HasMore: false);
    }

    private async Task IndexChatAsync(DateTimeOffset startedAt)
    {
        await foreach (var entry in ReadLessonAsync(_chatSeq, MaxPage))
        {
            IndexChat(entry.Event, startedAt);
            _chatSeq = entry.Sequence;
        }
    }

    private void IndexChat(ClassroomEvent e, DateTimeOffset startedAt)
    {
        switch (e.Data)
        {
            case ChatPosted posted:
                _chatPositions[posted.MessageId] = _chat.Count;
                _chat.Add(new ChatSearchHit(
                    new ChatMessageView(posted.MessageId, posted.UserId, posted.DisplayName, posted.Role, posted.Text, e.At), Millis(e.At - startedAt), e.Seq));
                break;
            case ChatDeleted deleted when _chatPositions.Remove(deleted.MessageId, out var position):
                // Left as a hole, so later positions stay valid; a deleted message must never be found again.
                _chat[position] = null;
                break;
        }
    }
}
