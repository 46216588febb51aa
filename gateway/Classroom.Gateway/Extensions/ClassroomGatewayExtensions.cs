using System.Threading.RateLimiting;
using Classroom.Contracts.Accounts;
using Classroom.Contracts.Serialization;
using Classroom.Gateway.Accounts;
using Classroom.Gateway.Api;
using Classroom.Gateway.Demo;
using Classroom.Gateway.Fanout;
using Classroom.Gateway.Hubs;
using Classroom.Gateway.Serialization;
using Classroom.Gateway.Web;
using Classroom.Silo.Extensions;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Classroom.Gateway.Extensions;

/// <summary>The gateway's registrations and endpoints.</summary>
public static class ClassroomGatewayExtensions
{
    public const string HubPath = "/hubs/classroom";
    private const string ConnectionPolicy = "hub-connections";

    /// <summary>
    /// Co-hosts a silo (embedded, the default) or joins a cluster's silos as a client (<c>Classroom:Cluster:Mode=cluster</c>);
    /// adds accounts and bearer tokens, the hub and its fan-out, the API.
    /// </summary>
    public static WebApplicationBuilder AddClassroomGateway(this WebApplicationBuilder builder)
    {
        if (ClassroomCluster.IsClusterMode(builder.Configuration))
        {
            builder.AddClassroomClient();
        }
        else
        {
            builder.AddClassroomSilo();
        }

        var section = builder.Configuration.GetSection(GatewayOptions.Section);
        builder.Services.Configure<GatewayOptions>(section);
        var gateway = section.Get<GatewayOptions>() ?? new GatewayOptions();
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<IPasswordHasher<AccountRecord>, PasswordHasher<AccountRecord>>();
        services.AddSingleton<AccountService>();
        services.AddAuthentication(BearerTokenDefaults.AuthenticationScheme).AddBearerToken(o =>
        {
            o.BearerTokenExpiration = gateway.TokenLifetime;
            // Browsers cannot set headers on WebSockets: the hub takes the token from the query string.
            o.Events.OnMessageReceived = context =>
            {
                if (context.Request.Path.StartsWithSegments(HubPath) && context.Request.Query["access_token"] is { Count: > 0 } token)
                {
                    context.Token = token;
                }

                return Task.CompletedTask;
            };
        });
        services.AddAuthorization(Policies.Add);

        services.AddProblemDetails();
        services.AddExceptionHandler<ApiErrors>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ContractsJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, GatewayJsonContext.Default);
        });
        services.AddOpenApi();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(ConnectionPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = gateway.ConnectionsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });

        services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = gateway.MaxMessageBytes;
            o.AddFilter<HubGuard>();
        }).AddJsonProtocol(o =>
        {
            o.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, ContractsJsonContext.Default);
            o.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, GatewayJsonContext.Default);
        });
        services.AddSingleton<ViewerRegistry>();
        services.AddSingleton<HubLifetimeManager<ClassroomHub>, FanoutLifetimeManager<ClassroomHub>>();
        services.AddSingleton<ClassroomFanout>();
        services.AddHostedService(sp => sp.GetRequiredService<ClassroomFanout>());
        services.AddSingleton<HubGuard>();
        services.AddHostedService<DemoSeeder>();
        return builder;
    }

    /// <summary>Maps the web pages, the API, the hub, health and the OpenAPI document.</summary>
    public static WebApplication MapClassroomGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebPages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi();
        app.MapGet("/health", (ViewerRegistry viewers, ClassroomFanout fanout) =>
            new HealthReport("ok", viewers.Count, fanout.ClassroomCount)).WithTags("Health");
        app.MapAccountEndpoints();
        app.MapLessonEndpoints();
        app.MapReplayEndpoints();
        app.MapProfileEndpoints();
        app.MapHub<ClassroomHub>(HubPath).RequireRateLimiting(ConnectionPolicy);
        return app;
    }
}
