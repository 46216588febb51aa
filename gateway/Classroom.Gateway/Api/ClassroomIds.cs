using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Runtime;

namespace Classroom.Gateway.Api;

/// <summary>The one check of a classroom id that the API and the hub both apply before calling the grain.</summary>
internal static class ClassroomIds
{
    public static IClassroomGrain GetClassroom(this IClusterClient client, string? id) =>
        string.IsNullOrWhiteSpace(id) || id.Length > 100
            ? throw new ClassroomValidationException("A classroom id has 1 to 100 characters.")
            : client.GetGrain<IClassroomGrain>(id);
}
