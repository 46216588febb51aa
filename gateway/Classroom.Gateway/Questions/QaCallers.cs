using System.Security.Claims;
using System.Text.RegularExpressions;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Questions;
using Classroom.Gateway.Accounts;

namespace Classroom.Gateway.Questions;

/// <summary>The caller of a Q&amp;A grain as the token says, and the one check of a question id before any grain call.</summary>
internal static partial class QaCallers
{
    /// <summary>The caller; administrators are the gateway's operators (<c>Classroom:Gateway:Operators</c>).</summary>
    public static QaCaller From(ClaimsPrincipal principal)
    {
        var user = CurrentUser.From(principal);
        return new QaCaller(user.UserId, user.DisplayName, user.Kind, principal.HasClaim(CurrentUser.OperatorClaim, "true"));
    }

    /// <summary>A new question id: <c>q</c> and 16 hex digits (64 random bits).</summary>
    public static string NewQuestionId() => $"q{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8))}";

    public static IQuestionGrain GetQuestion(this IClusterClient client, string? id) =>
        id is not null && QuestionId().IsMatch(id)
            ? client.GetGrain<IQuestionGrain>(id)
            : throw new ClassroomNotFoundException(Refusals.QaNotFound, id ?? "");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex QuestionId();
}
