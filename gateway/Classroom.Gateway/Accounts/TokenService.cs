using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Classroom.Gateway.Accounts;

/// <summary>
/// Issues the JWT bearer tokens the gateway accepts: HMAC-SHA256 over a key every gateway of a deployment shares
/// (<see cref="SigningKeys"/>), so a token from one gateway works on the others.
/// </summary>
public sealed class TokenService(SymmetricSecurityKey key, IOptions<GatewayOptions> options, TimeProvider time)
{
    public const string Issuer = "classroom";
    public const string Audience = "classroom";

    /// <summary>A signed token for <paramref name="user"/>, valid for <see cref="GatewayOptions.TokenLifetime"/>.</summary>
    public TokenResponse Issue(CurrentUser user)
    {
        var lifetime = options.Value.TokenLifetime;
        var now = time.GetUtcNow().UtcDateTime;
        var isOperator = IsOperator(user);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(user.Claims(isOperator)),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return new TokenResponse("Bearer", token, (long)lifetime.TotalSeconds, isOperator);
    }

    /// <summary>True for accounts named in <see cref="GatewayOptions.Operators"/> (never a guest).</summary>
    public bool IsOperator(CurrentUser user) =>
        user.Kind != Contracts.Classrooms.AccountKind.Guest && options.Value.Operators.Contains(user.UserId, StringComparer.Ordinal);

    /// <summary>
    /// How tokens are checked: this deployment's key, issuer and audience, the claims as written, and their lifetime
    /// against the gateway's clock (the one that issued them).
    /// </summary>
    public static void Configure(Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions o, SymmetricSecurityKey key, TimeProvider time)
    {
        var skew = TimeSpan.FromSeconds(30);
        o.MapInboundClaims = false;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            NameClaimType = CurrentUser.NameClaim,
            ClockSkew = skew,
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return (notBefore is null || notBefore.Value <= now + skew) && expires is { } end && now - skew < end;
            },
        };
    }
}

/// <summary>
/// What sign-in answers: the token and how long it lasts (the shape the web pages and clients read), and for accounts
/// (not guests) a refresh token for <c>POST /api/accounts/refresh</c>.
/// </summary>
public sealed record TokenResponse(
    string TokenType, string AccessToken, long ExpiresIn, bool Operator,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? RefreshToken = null);
