using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Gateway.Api;
using Classroom.Gateway.Localization;

namespace Classroom.Gateway.Accounts;

/// <summary>Register, sign in (a JWT bearer token), sign in as a guest viewer, and who am I.</summary>
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
        accounts.MapPost("/login", async (LoginRequest request, AccountService service, TokenService tokens, LoginThrottle throttle, RefusalLocalizer texts, HttpContext context) =>
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
                return Results.Problem(
                    texts.Say(Refusals.AccountSignInFailed),
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: texts.Say(Refusals.TitleSignInFailed),
                    extensions: new Dictionary<string, object?> { [ApiErrors.CodeExtension] = Refusals.AccountSignInFailed });
            }

            throttle.Succeeded(userId);
            var token = tokens.Issue(user);
            if (token.Operator)
            {
                // Only the dashboard's path sees it, only from this site, never from scripts.
                context.Response.Cookies.Append(DashboardCookie, token.AccessToken, new CookieOptions
                {
                    Path = "/dashboard",
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Secure = context.Request.IsHttps,
                    MaxAge = TimeSpan.FromSeconds(token.ExpiresIn),
                });
            }

            return Results.Ok(token);
        }).Produces<TokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        accounts.MapPost("/guest", (GuestRequest request, TokenService tokens) => tokens.Issue(AccountService.Guest(request.DisplayName)));
        app.MapGet("/api/me", (HttpContext context) =>
        {
            var user = CurrentUser.From(context.User);
            return new UserView(user.UserId, user.DisplayName, user.Kind);
        }).RequireAuthorization().WithTags("Accounts");
        return app;
    }
}

/// <summary>A new teacher or student account.</summary>
public sealed record RegisterRequest(string UserName, string Password, string DisplayName, AccountKind Kind);

/// <summary>Sign-in with a user name and password.</summary>
public sealed record LoginRequest(string UserName, string Password);

/// <summary>Sign-in as a guest viewer.</summary>
public sealed record GuestRequest(string? DisplayName);

/// <summary>Who a user is.</summary>
public sealed record UserView(string UserId, string DisplayName, AccountKind Kind);
