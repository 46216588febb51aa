using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Events;

namespace Classroom.Gateway.Hubs;

/// <summary>
/// What joining returns. <see cref="Mode"/> says which: <c>snapshot</c> (start from <see cref="Snapshot"/>) or
/// <c>resume</c> (apply <see cref="Events"/>, the ones missed since the last seq the client gave). Either way, live
/// frames continue after <see cref="Through"/>.
/// </summary>
public sealed record JoinResponse(
    string ClassroomId, ParticipantRole Role, string Mode, ClassroomSnapshot? Snapshot, IReadOnlyList<ClassroomEvent>? Events, long Through)
{
    public const string SnapshotMode = "snapshot";
    public const string ResumeMode = "resume";
}
