using System.Text.Json.Serialization;
using Classroom.Contracts.Classrooms;

namespace Classroom.Grains.Classrooms;

/// <summary>One poll: its definition, status and the current vote of every student who voted.</summary>
public sealed class PollState
{
    [JsonPropertyName("pollId")]
    public string PollId { get; set; } = "";

    [JsonPropertyName("question")]
    public string Question { get; set; } = "";

    [JsonPropertyName("options")]
    public List<string> Options { get; set; } = [];

    [JsonPropertyName("multipleChoice")]
    public bool MultipleChoice { get; set; }

    [JsonPropertyName("isQuiz")]
    public bool IsQuiz { get; set; }

    [JsonPropertyName("anonymous")]
    public bool Anonymous { get; set; }

    [JsonPropertyName("correctOptions")]
    public List<int>? CorrectOptions { get; set; }

    [JsonPropertyName("status")]
    public PollStatus Status { get; set; }

    [JsonPropertyName("openedAt")]
    public DateTimeOffset OpenedAt { get; set; }

    [JsonPropertyName("closesAt")]
    public DateTimeOffset? ClosesAt { get; set; }

    /// <summary>Each voter's current choices, in the order students first voted.</summary>
    [JsonPropertyName("votes")]
    public Dictionary<string, int[]> Votes { get; set; } = [];

    [JsonPropertyName("counts")]
    public int[] Counts { get; set; } = [];

    /// <summary>
    /// How many students voted, once <see cref="Votes"/> has been dropped from a copy that no longer needs it (a replay
    /// checkpoint of a closed poll); null while the votes themselves are kept.
    /// </summary>
    [JsonPropertyName("voterCount")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? VoterCount { get; set; }

    [JsonIgnore]
    public int Voters => VoterCount ?? Votes.Count;

    public void Vote(string studentId, IReadOnlyList<int> choices)
    {
        if (Votes.TryGetValue(studentId, out var previous))
        {
            foreach (var choice in previous)
            {
                Counts[choice]--;
            }
        }

        var current = choices.ToArray();
        foreach (var choice in current)
        {
            Counts[choice]++;
        }

        Votes[studentId] = current;
    }
}
