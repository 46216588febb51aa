using System.Text.Json.Serialization;

namespace Classroom.Contracts.Classrooms;

/// <summary>Where a lesson is in its life: scheduled → live → ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClassroomStatus>))]
public enum ClassroomStatus
{
    /// <summary>Nothing was scheduled under this id.</summary>
    [JsonStringEnumMemberName("none")] None,

    /// <summary>Published; students may register; the preview may still change.</summary>
    [JsonStringEnumMemberName("scheduled")] Scheduled,

    /// <summary>Started by its teacher.</summary>
    [JsonStringEnumMemberName("live")] Live,

    /// <summary>Over, for good; its replay remains.</summary>
    [JsonStringEnumMemberName("ended")] Ended,
}
