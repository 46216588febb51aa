using Classroom.Contracts.Classrooms;

namespace Classroom.Gateway.Accounts;

/// <summary>
/// Authorization policies: by account kind, members (a teacher's or a student's account: not a guest), and operators
/// (named in <see cref="GatewayOptions.Operators"/>).
/// </summary>
public static class Policies
{
    public const string Teacher = "teacher";
    public const string Student = "student";
    public const string Member = "member";
    public const string Operator = "operator";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(Teacher, p => p.RequireClaim(CurrentUser.KindClaim, nameof(AccountKind.Teacher).ToLowerInvariant()));
        options.AddPolicy(Student, p => p.RequireClaim(CurrentUser.KindClaim, nameof(AccountKind.Student).ToLowerInvariant()));
        options.AddPolicy(Member, p => p.RequireClaim(
            CurrentUser.KindClaim, nameof(AccountKind.Teacher).ToLowerInvariant(), nameof(AccountKind.Student).ToLowerInvariant()));
        options.AddPolicy(Operator, p => p.RequireClaim(CurrentUser.OperatorClaim, "true"));
    }
}
