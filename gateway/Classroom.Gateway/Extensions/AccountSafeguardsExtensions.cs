using Classroom.Gateway.Accounts;

namespace Classroom.Gateway.Extensions;

/// <summary>The accounts' safeguards: the password policy.</summary>
internal static class AccountSafeguardsExtensions
{
    public static IServiceCollection AddAccountSafeguards(this IServiceCollection services)
    {
        services.AddSingleton<PasswordPolicy>();
        return services;
    }
}
