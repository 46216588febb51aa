using System.Text.Json.Serialization;
using Classroom.Contracts.Classrooms;

namespace Classroom.Grains.Classrooms;

/// <summary>Someone who joined the classroom at least once: their connections now and the time they spent in the live lesson.</summary>
public sealed class ParticipantState
{
    [JsonPropertyName("displayName")]
    public string DisplayName { get; set; } = "";

    /// <summary>
    /// The strongest role among the participant's connections (the one they had at their last leave while absent): for
    /// what is about the person (the roster, counts, ratings), never for what one connection may do.
    /// </summary>
    [JsonPropertyName("role")]
    public ParticipantRole Role { get; set; }

    [JsonPropertyName("connections")]
    public HashSet<string> Connections { get; set; } = [];

    /// <summary>
    /// The role each connection joined with: a student's viewer tab stays a viewer beside a student tab. Snapshots
    /// written before this existed lack it; their connections count as <see cref="Role"/>, as they did then.
    /// </summary>
    [JsonPropertyName("connectionRoles")]
    public Dictionary<string, ParticipantRole> ConnectionRoles { get; set; } = [];

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

    /// <summary>The role <paramref name="connectionId"/> joined with, or null if it is not one of the participant's connections.</summary>
    public ParticipantRole? RoleOf(string connectionId) =>
        !Connections.Contains(connectionId) ? null : ConnectionRoles.TryGetValue(connectionId, out var role) ? role : Role;

    /// <summary>Makes <see cref="Role"/> the strongest of the connections' roles (the enum runs from strongest to weakest).</summary>
    public void RecomputeRole()
    {
        if (IsPresent)
        {
            Role = Connections.Select(c => ConnectionRoles.TryGetValue(c, out var role) ? role : Role).Min();
        }
    }
}
