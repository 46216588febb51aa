namespace Classroom.Contracts.Classrooms;

/// <summary>The one rule for ids of classrooms and users: what the grains accept and the gateway checks before calling them.</summary>
public static class ClassroomIdRule
{
    /// <summary>The longest id, in characters.</summary>
    public const int MaxLength = 100;

    /// <summary>True for an id of 1 to <see cref="MaxLength"/> characters that is not only white space.</summary>
    public static bool IsValid(string? id) => !string.IsNullOrWhiteSpace(id) && id.Length <= MaxLength;
}
