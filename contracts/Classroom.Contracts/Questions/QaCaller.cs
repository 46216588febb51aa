using Classroom.Contracts.Classrooms;

namespace Classroom.Contracts.Questions;

/// <summary>Who calls a Q&amp;A grain, as the gateway read it from the caller's token: the grains decide what they may do.</summary>
/// <param name="IsAdministrator">An administrator of the programme (the gateway's operators): may hide questions.</param>
[GenerateSerializer, Immutable, Alias("QaCaller")]
public sealed record QaCaller(
    [Id(0)] string UserId,
    [Id(1)] string DisplayName,
    [Id(2)] AccountKind Kind,
    [Id(3)] bool IsAdministrator = false);
