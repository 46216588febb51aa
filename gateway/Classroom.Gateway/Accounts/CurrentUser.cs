using System.Security.Claims;
using Classroom.Contracts.Classrooms;

namespace Classroom.Gateway.Accounts;

/// <summary>The authenticated caller, read from the bearer token's claims. Roles come from here, never from requests.</summary>
public sealed record CurrentUser(string UserId, string DisplayName, AccountKind Kind)
{
    public const string IdClaim = "sub";
    public const string NameClaim = "name";
    public const string KindClaim = "classroom:kind";

    /// <summary>Present (value <c>true</c>) on the tokens of operators, who may watch the cluster (the dashboard).</summary>
    public const string OperatorClaim = "classroom:operator";

    public static CurrentUser From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(IdClaim) ?? throw new InvalidOperationException("The caller is not signed in.");
        var kind = Enum.TryParse<AccountKind>(principal.FindFirstValue(KindClaim), ignoreCase: true, out var parsed) ? parsed : AccountKind.Guest;
        return new CurrentUser(id, principal.FindFirstValue(NameClaim) ?? id, kind);
    }

    /// <summary>The claims a token for this user carries.</summary>
    public IEnumerable<Claim> Claims(bool isOperator)
    {
        yield return new Claim(IdClaim, UserId);
        yield return new Claim(NameClaim, DisplayName);
        yield return new Claim(KindClaim, Kind.ToString().ToLowerInvariant());
        if (isOperator)
        {
            yield return new Claim(OperatorClaim, "true");
        }
    }
}
