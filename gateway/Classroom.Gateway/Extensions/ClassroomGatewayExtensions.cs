using Classroom.Silo.Extensions;

namespace Classroom.Gateway.Extensions;

/// <summary>The gateway's registrations and endpoints.</summary>
public static class ClassroomGatewayExtensions
{
    /// <summary>Co-hosts a silo (embedded defaults) and the gateway's services.</summary>
    public static WebApplicationBuilder AddClassroomGateway(this WebApplicationBuilder builder)
    {
        builder.AddClassroomSilo();
        return builder;
    }

    /// <summary>Maps the gateway's endpoints.</summary>
    public static WebApplication MapClassroomGateway(this WebApplication app)
    {
        // Answers once the host, and so the co-hosted silo, has started; the gateway issue adds the hub and the API.
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        return app;
    }
}
