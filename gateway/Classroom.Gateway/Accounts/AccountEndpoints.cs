using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Gateway.Api;
using Classroom.Gateway.Extensions;
using Classroom.Gateway.Localization;

namespace Classroom.Gateway.Accounts;

/// <summary>Register, sign in (a JWT bearer token and a refresh token), renew, sign out, sign in as a guest viewer, and who am I.</summary>
public static class AccountEndpoints
{
    /// <summary>The cookie carrying an operator's token to the dashboard (browsers send no bearer header when navigating).</summary>
    public const string DashboardCookie = "classroom_operator";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/accounts").WithTags("Accounts");
        accounts.MapPost("/", async (RegisterRequest request, AccountService service) =>
        {
            var user = await service.RegisterAsync(request.UserName, request.Password, request.DisplayName, request.Kind);
            return TypedResults.Created($"/api/me", new UserView(user.UserId, user.DisplayName, user.Kind));
        });
        accounts.MapPost("/login", LoginAsync)
            .Produces<TokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        accounts.MapPost("/refresh", RefreshAsync).Produces<TokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized);
        accounts.MapPost("/logout", async (RefreshRequest request, RefreshTokens refresh, HttpContext context) =>
        {
            await refresh.RevokeAsync(request.RefreshToken);
            context.Response.Cookies.Delete(DashboardCookie, new CookieOptions { Path = ClassroomGatewayExtensions.DashboardPath });
            return TypedResults.NoContent();
        });
        accounts.MapPost("/guest", (GuestRequest request, TokenService tokens) => tokens.Issue(AccountService.Guest(request.DisplayName)));
        app.MapGet("/api/me", (HttpContext context) =>
        {
            var user = CurrentUser.From(context.User);
            return new UserView(user.UserId, user.DisplayName, user.Kind);
        }).RequireAuthorization().WithTags("Accounts");
        return app;
    }

    private static async Task<IResult> LoginAsync(
        LoginRequest request, AccountService service, TokenService tokens, RefreshTokens refresh, LoginThrottle throttle, RefusalLocalizer texts, HttpContext context)
    {
        var userId = (request.UserName ?? "").Trim().ToLowerInvariant();
        var address = context.Connection.RemoteIpAddress?.ToString();
        if (throttle.RetryAfter(userId, address) is var wait && wait > TimeSpan.Zero)
        {
            return TooManyRequests.Problem(context, texts, Refusals.AccountSignInThrottled, wait);
        }

        if (await service.SignInAsync(request.UserName, request.Password) is not { } user)
        {
            throttle.Failed(userId, address);
            return SignInProblem(texts, Refusals.AccountSignInFailed);
        }

        throttle.Succeeded(userId);
        return Results.Ok(await IssueAsync(user, tokens, refresh, context));
    }

    private static async Task<IResult> RefreshAsync(
        RefreshRequest request, AccountService service, TokenService tokens, RefreshTokens refresh, RefusalLocalizer texts, HttpContext context)
    {
        // A family whose account is gone ends here too: its next token is never handed out.
        if (await refresh.RotateAsync(request.RefreshToken) is not var (userId, next) || await service.FindAsync(userId) is not { } user)
        {
            return SignInProblem(texts, Refusals.AccountRefreshInvalid);
        }

        return Results.Ok(await IssueAsync(user, tokens, refresh, context, next));
    }

    private static IResult SignInProblem(RefusalLocalizer texts, string code) => Results.Problem(
        texts.Say(code),
        statusCode: StatusCodes.Status401Unauthorized,
        title: texts.Say(Refusals.TitleSignInFailed),
        extensions: new Dictionary<string, object?> { [ApiErrors.CodeExtension] = code });

    /// <summary>
    /// An access token for <paramref name="user"/> and a refresh token (the family's <paramref name="next"/> one, or a
    /// new family's first); an operator's token also goes in the dashboard's cookie.
    /// </summary>
    private static async Task<TokenResponse> IssueAsync(CurrentUser user, TokenService tokens, RefreshTokens refresh, HttpContext context, string? next = null)
    {
        var token = tokens.Issue(user) with { RefreshToken = next ?? await refresh.StartAsync(user.UserId) };
        if (token.Operator)
        {
            // Only the dashboard's path sees it, only from this site, never from scripts.
            context.Response.Cookies.Append(DashboardCookie, token.AccessToken, new CookieOptions
            {
                Path = ClassroomGatewayExtensions.DashboardPath,
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                MaxAge = TimeSpan.FromSeconds(token.ExpiresIn),
            });
        }

        return token;
    }
}

/// <summary>A new teacher or student account.</summary>
public sealed record RegisterRequest(string UserName, string Password, string DisplayName, AccountKind Kind);

/// <summary>Sign-in with a user name and password.</summary>
public sealed record LoginRequest(string UserName, string Password);

/// <summary>A refresh token, to renew a sign-in or to end it.</summary>
public sealed record RefreshRequest(string? RefreshToken);

/// <summary>Sign-in as a guest viewer.</summary>
public sealed record GuestRequest(string? DisplayName);

/// <summary>Who a user is.</summary>
public sealed record UserView(string UserId, string DisplayName, AccountKind Kind);
