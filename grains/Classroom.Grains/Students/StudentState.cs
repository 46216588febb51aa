using System.Text.Json.Serialization;
using Classroom.Contracts.Students;
using Classroom.Contracts.Teachers;

namespace Classroom.Grains.Students;

/// <summary>What a student grain stores, each part by classroom id.</summary>
public sealed class StudentState
{
    [JsonPropertyName("profile")]
    public StudentProfile? Profile { get; set; }

    [JsonPropertyName("registrations")]
    public Dictionary<string, RegistrationRecord> Registrations { get; set; } = [];

    [JsonPropertyName("attendance")]
    public Dictionary<string, AttendanceRecord> Attendance { get; set; } = [];

    [JsonPropertyName("ratings")]
    public Dictionary<string, LessonRating> Ratings { get; set; } = [];

    [JsonPropertyName("replayPositions")]
    public Dictionary<string, TimeSpan> ReplayPositions { get; set; } = [];
}
