using Classroom.Gateway.Accounts;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.RateLimiting;

namespace Classroom.Gateway.Extensions;

/// <summary>
/// The accounts' safeguards: the password policy, sign-in throttling, rotating refresh tokens, tokens accepted only for accounts of this
/// deployment, and the answer to a refused hub connection.
/// </summary>
internal static class AccountSafeguardsExtensions
{
    public static IServiceCollection AddAccountSafeguards(this IServiceCollection services)
    {
        services.AddSingleton<PasswordPolicy>();
        services.AddOptions<LoginThrottleOptions>().BindConfiguration(LoginThrottleOptions.Section)
            .Validate(LoginThrottleOptions.IsValid, "Classroom:Gateway:LoginThrottle has a value out of range: counts must not be negative, durations must be positive and FirstLockout at most MaxLockout.")
            .ValidateOnStart();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<AccountExistence>();
        services.AddSingleton<RefreshTokens>();
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            var validated = o.Events.OnTokenValidated;
            o.Events.OnTokenValidated = async context =>
            {
                await validated(context);
                // The signature proves the token is this deployment's; the account must be too (a token minted with a
                // leaked or shared key for a name this deployment never had is refused).
                if (context.Principal is { } principal && !await context.HttpContext.RequestServices.GetRequiredService<AccountExistence>().ExistsAsync(CurrentUser.From(principal)))
                {
                    context.Fail("The token's account does not exist in this deployment.");
                }
            };
        });
        services.Configure<RateLimiterOptions>(o => o.OnRejected = HubConnectionLimit.RejectAsync);
        return services;
    }
}
