using System.Text.Json.Serialization;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Events;

namespace Classroom.Grains.Classrooms;

/// <summary>
/// A classroom's state: the fold of its events. <see cref="Apply"/> is the only way it changes, both live and when
/// rebuilt from a snapshot plus the log, so the two cannot disagree. Stored as the classroom's snapshot.
/// </summary>
public sealed partial class ClassroomState
{
    [JsonPropertyName("seq")]
    public long Seq { get; set; }

    [JsonPropertyName("status")]
    public ClassroomStatus Status { get; set; }

    [JsonPropertyName("preview")]
    public CoursePreview? Preview { get; set; }

    [JsonPropertyName("startedAt")]
    public DateTimeOffset? StartedAt { get; set; }

    [JsonPropertyName("endedAt")]
    public DateTimeOffset? EndedAt { get; set; }

    [JsonPropertyName("assistants")]
    public List<string> Assistants { get; set; } = [];

    [JsonPropertyName("registered")]
    public HashSet<string> Registered { get; set; } = [];

    [JsonPropertyName("participants")]
    public Dictionary<string, ParticipantState> Participants { get; set; } = [];

    [JsonPropertyName("present")]
    public int Present { get; set; }

    [JsonPropertyName("chatEnabled")]
    public bool ChatEnabled { get; set; } = true;

    [JsonPropertyName("slowModeSeconds")]
    public int SlowModeSeconds { get; set; }

    [JsonPropertyName("muted")]
    public HashSet<string> Muted { get; set; } = [];

    /// <summary>The recent messages, oldest first, at most the configured history.</summary>
    [JsonPropertyName("messages")]
    public List<ChatMessageView> Messages { get; set; } = [];

    [JsonPropertyName("lastMessageAt")]
    public Dictionary<string, DateTimeOffset> LastMessageAt { get; set; } = [];

    [JsonPropertyName("polls")]
    public List<PollState> Polls { get; set; } = [];

    [JsonPropertyName("hands")]
    public List<string> Hands { get; set; } = [];

    [JsonPropertyName("stage")]
    public List<string> Stage { get; set; } = [];

    [JsonPropertyName("markers")]
    public List<MarkerView> Markers { get; set; } = [];

    [JsonPropertyName("ratings")]
    public Dictionary<string, LessonRated> Ratings { get; set; } = [];

    [JsonPropertyName("board")]
    public BoardState Board { get; set; } = new();

    [JsonPropertyName("media")]
    public MediaState Media { get; set; } = new();

    /// <summary>
    /// Drops what only the live classroom's rules need and no view shows: who voted what in polls that take no more
    /// votes (their counts stay), and when each student last chatted (for slow mode). For replay checkpoints, which are
    /// read far more often than written.
    /// </summary>
    public void CompactForReplay()
    {
        foreach (var poll in Polls.Where(p => p.Status != PollStatus.Open && p.VoterCount is null))
        {
            poll.VoterCount = poll.Votes.Count;
            poll.Votes = [];
        }

        LastMessageAt.Clear();
    }

    [JsonIgnore]
    public string? TeacherId => Preview?.TeacherId;

    public bool IsStaff(string userId) => userId == TeacherId || Assistants.Contains(userId);

    public PollState? FindPoll(string pollId) => Polls.Find(p => p.PollId == pollId);

    public ParticipantState? FindPresent(string userId) =>
        Participants.TryGetValue(userId, out var participant) && participant.IsPresent ? participant : null;
}
