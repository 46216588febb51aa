using System.Security.Claims;
using Classroom.Contracts.Classrooms;

namespace Classroom.Gateway.Accounts;

/// <summary>The authenticated caller, read from the bearer token's claims. Roles come from here, never from requests.</summary>
public sealed record CurrentUser(string UserId, string DisplayName, AccountKind Kind)
{
    public const string KindClaim = "classroom:kind";

    public static CurrentUser From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The caller is not signed in.");
        var kind = Enum.TryParse<AccountKind>(principal.FindFirstValue(KindClaim), ignoreCase: true, out var parsed) ? parsed : AccountKind.Guest;
        return new CurrentUser(id, principal.FindFirstValue(ClaimTypes.Name) ?? id, kind);
    }

    public ClaimsPrincipal ToPrincipal(string scheme) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, UserId), new Claim(ClaimTypes.Name, DisplayName), new Claim(KindClaim, Kind.ToString().ToLowerInvariant())],
        scheme));
}
