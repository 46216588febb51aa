using Classroom.Gateway.Accounts;

namespace Classroom.Gateway.Extensions;

/// <summary>The accounts' safeguards: the password policy and sign-in throttling.</summary>
internal static class AccountSafeguardsExtensions
{
    public static IServiceCollection AddAccountSafeguards(this IServiceCollection services)
    {
        services.AddSingleton<PasswordPolicy>();
        services.AddOptions<LoginThrottleOptions>().BindConfiguration(LoginThrottleOptions.Section)
            .Validate(LoginThrottleOptions.IsValid, "Classroom:Gateway:LoginThrottle has a value out of range: counts must not be negative, durations must be positive and FirstLockout at most MaxLockout.")
            .ValidateOnStart();
        services.AddSingleton<LoginThrottle>();
        return services;
    }
}
