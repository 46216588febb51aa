using Classroom.Contracts.Classrooms;

namespace Classroom.Gateway.Accounts;

/// <summary>Authorization policies by account kind.</summary>
public static class Policies
{
    public const string Teacher = "teacher";
    public const string Student = "student";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(Teacher, p => p.RequireClaim(CurrentUser.KindClaim, nameof(AccountKind.Teacher).ToLowerInvariant()));
        options.AddPolicy(Student, p => p.RequireClaim(CurrentUser.KindClaim, nameof(AccountKind.Student).ToLowerInvariant()));
    }
}
