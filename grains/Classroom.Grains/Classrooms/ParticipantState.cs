using System.Text.Json.Serialization;
using Classroom.Contracts.Classrooms;

namespace Classroom.Grains.Classrooms;

/// <summary>Someone who joined the classroom at least once: their connections now and the time they spent in the live lesson.</summary>
public sealed class ParticipantState
{
    [JsonPropertyName("displayName")]
    public string DisplayName { get; set; } = "";

    [JsonPropertyName("role")]
    public ParticipantRole Role { get; set; }

    [JsonPropertyName("connections")]
    public HashSet<string> Connections { get; set; } = [];

    [JsonPropertyName("firstJoinedAt")]
    public DateTimeOffset FirstJoinedAt { get; set; }

    /// <summary>Since when the participant has been present without a break; null while absent.</summary>
    [JsonPropertyName("presentSince")]
    public DateTimeOffset? PresentSince { get; set; }

    /// <summary>Time present while the lesson was live, up to the last leave or the end.</summary>
    [JsonPropertyName("liveTime")]
    public TimeSpan LiveTime { get; set; }

    [JsonIgnore]
    public bool IsPresent => Connections.Count > 0;
}
