using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;
using Classroom.Contracts.Replays;
using Classroom.Contracts.Text;

namespace Classroom.Grains.Replays;

public sealed partial class ReplayGrain
{
    private const int MaxQueryLength = 100;
    private const int MaxHits = 100;

    // Every message of the lesson that was not deleted, oldest first. Built on the first search, not at activation: most
    // viewers never search, and building it reads the whole log.
    private readonly List<ChatSearchHit?> _chat = [];
    private readonly List<string> _chatKeys = [];
    private readonly Dictionary<string, int> _chatPositions = [];
    private long _chatSeq;
    private Task? _indexingChat;

    public async Task<ChatSearchResult> SearchChatAsync(string viewerId, string query, int maxCount)
    {
        var text = query?.Trim() ?? "";
        var key = SearchKey(text);
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
        for (var i = 0; i < _chat.Count; i++)
        {
            if (_chat[i] is { } hit && _chatKeys[i].Contains(key, StringComparison.OrdinalIgnoreCase))
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
                _chatKeys.Add(SearchKey(posted.Text));
                _chat.Add(new ChatSearchHit(
                    new ChatMessageView(posted.MessageId, posted.UserId, posted.DisplayName, posted.Role, posted.Text, e.At), Millis(e.At - startedAt), e.Seq));
                break;
            case ChatDeleted deleted when _chatPositions.Remove(deleted.MessageId, out var position):
                // Left as a hole, so later positions stay valid; a deleted message must never be found again.
                _chat[position] = null;
                break;
        }
    }

    /// <summary>What a search compares: full-width letters and digits as ASCII, so ２ｘ＋３ finds 2x+3 and the other way round.</summary>
    private static string SearchKey(string text) => FullWidth.Fold(text);
}
