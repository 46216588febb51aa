using Classroom.Contracts.Board;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.MicroLessons;
using Classroom.Contracts.Replays;

namespace Classroom.Gateway.Api;

/// <summary>The one check of a classroom id that the API and the hub both apply before calling the grain.</summary>
internal static class ClassroomIds
{
    public static IClassroomGrain GetClassroom(this IClusterClient client, string? id) => client.GetGrain<IClassroomGrain>(Checked(id));

    /// <summary>The board of classroom <paramref name="id"/> (the classroom grain itself), after the same check.</summary>
    public static IClassroomBoard GetBoard(this IClusterClient client, string? id) => client.GetGrain<IClassroomBoard>(Checked(id));

    /// <summary>The micro-lesson <paramref name="id"/>, after checking it is a micro-lesson id at all.</summary>
    public static IMicroLessonGrain GetMicroLesson(this IClusterClient client, string? id) => MicroLessonIds.IsValid(id)
        ? client.GetGrain<IMicroLessonGrain>(id!)
        : throw new ClassroomNotFoundException(Refusals.MicroNotFound, id ?? "");

    /// <summary>The replay of classroom <paramref name="id"/>, after the same check.</summary>
    public static IReplayGrain GetReplay(this IClusterClient client, string? id) => client.GetGrain<IReplayGrain>(Checked(id));

    public static string Checked(string? id) =>
        ClassroomIdRule.IsValid(id) ? id! : throw new ClassroomValidationException(Refusals.ClassroomIdLength, ClassroomIdRule.MaxLength);
}
