using Classroom.Contracts.Students;
using Classroom.Contracts.Teachers;
using Classroom.Gateway.Accounts;

namespace Classroom.Gateway.Api;

/// <summary>Teacher profiles (public to signed-in users) and the student's own record.</summary>
public static class ProfileEndpoints
{
    public static IEndpointRouteBuilder MapProfileEndpoints(this IEndpointRouteBuilder app)
    {
        var teachers = app.MapGroup("/api/teachers").WithTags("Profiles").RequireAuthorization();
        teachers.MapGet("/{id}", (string id, IClusterClient client) => client.GetGrain<ITeacherGrain>(id).GetSummaryAsync());
        teachers.MapPut("/me", (TeacherProfile profile, HttpContext context, IClusterClient client) =>
            client.GetGrain<ITeacherGrain>(CurrentUser.From(context.User).UserId).SetProfileAsync(profile)).RequireAuthorization(Policies.Teacher);

        var students = app.MapGroup("/api/students").WithTags("Profiles").RequireAuthorization(Policies.Student);
        students.MapGet("/me", (HttpContext context, IClusterClient client) =>
            client.GetGrain<IStudentGrain>(CurrentUser.From(context.User).UserId).GetSummaryAsync());
        students.MapPut("/me", (StudentProfile profile, HttpContext context, IClusterClient client) =>
            client.GetGrain<IStudentGrain>(CurrentUser.From(context.User).UserId).SetProfileAsync(profile));
        return app;
    }
}
