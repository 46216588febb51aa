using Microsoft.Extensions.Options;

namespace Classroom.Gateway.Api;

/// <summary>What the pages need to know about this deployment before they draw anything. Public: the sign-in page needs it.</summary>
public static class SettingsEndpoints
{
    public static IEndpointRouteBuilder MapSettingsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/settings", (IOptions<GatewayOptions> options) => new PageSettings(options.Value.TimeZone)).WithTags("Settings");
        return app;
    }
}

/// <summary>The time zone (IANA id) every date and time on the pages is written in.</summary>
public sealed record PageSettings(string TimeZone);
