using Classroom.Contracts.Classrooms;
using Microsoft.AspNetCore.Authentication.BearerToken;

namespace Classroom.Gateway.Accounts;

/// <summary>Register, sign in (a bearer token), sign in as a guest viewer, and who am I.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/accounts").WithTags("Accounts");
        accounts.MapPost("/", async (RegisterRequest request, AccountService service) =>
        {
            var user = await service.RegisterAsync(request.UserName, request.Password, request.DisplayName, request.Kind);
            return TypedResults.Created($"/api/me", new UserView(user.UserId, user.DisplayName, user.Kind));
        });
        accounts.MapPost("/login", async (LoginRequest request, AccountService service) =>
            await service.SignInAsync(request.UserName, request.Password) is { } user
                ? Results.SignIn(user.ToPrincipal(BearerTokenDefaults.AuthenticationScheme), authenticationScheme: BearerTokenDefaults.AuthenticationScheme)
                : Results.Problem("Wrong user name or password.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed"));
        accounts.MapPost("/guest", (GuestRequest request) =>
            Results.SignIn(AccountService.Guest(request.DisplayName).ToPrincipal(BearerTokenDefaults.AuthenticationScheme),
                authenticationScheme: BearerTokenDefaults.AuthenticationScheme));
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
