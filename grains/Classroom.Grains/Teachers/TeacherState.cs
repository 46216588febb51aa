using System.Text.Json.Serialization;
using Classroom.Contracts.Teachers;

namespace Classroom.Grains.Teachers;

/// <summary>What a teacher grain stores.</summary>
public sealed class TeacherState
{
    [JsonPropertyName("profile")]
    public TeacherProfile? Profile { get; set; }

    [JsonPropertyName("lessons")]
    public Dictionary<string, LessonRecord> Lessons { get; set; } = [];

    /// <summary>Ratings by classroom id, then student id: one per lesson and student.</summary>
    [JsonPropertyName("ratings")]
    public Dictionary<string, Dictionary<string, LessonRating>> Ratings { get; set; } = [];
}
