using Classroom.Contracts.Accounts;
using Classroom.Contracts.Serialization;
using Classroom.Gateway.Accounts;
using Classroom.Gateway.Api;
using Classroom.Gateway.Cluster;
using Classroom.Gateway.Demo;
using Classroom.Gateway.Fanout;
using Classroom.Gateway.Hubs;
using Classroom.Gateway.Localization;
using Classroom.Gateway.MicroLessons;
using Classroom.Gateway.Media;
using Classroom.Gateway.Photos;
using Classroom.Gateway.Questions;
using Classroom.Gateway.Serialization;
using Classroom.Gateway.Slides;
using Classroom.Silo.Extensions;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Dashboard;

namespace Classroom.Gateway.Extensions;

/// <summary>The gateway's registrations and endpoints.</summary>
public static class ClassroomGatewayExtensions
{
    public const string HubPath = "/hubs/classroom";

    public const string DashboardPath = "/dashboard";

    /// <summary>
    /// Co-hosts an Orleans silo (embedded, the default) or joins a cluster's silos as an Orleans client
    /// (<c>Classroom:Cluster:Mode=cluster</c>); adds accounts and JWT bearer tokens, the hub (JSON and MessagePack) and
    /// its fan-out, the API (photo uploads included), and the Orleans dashboard for operators.
    /// </summary>
    public static WebApplicationBuilder AddClassroomGateway(this WebApplicationBuilder builder)
    {
        var cluster = ClassroomClusterOptions.From(builder.Configuration);
        if (cluster.IsCluster)
        {
            builder.AddClassroomClient(client => client.AddDashboard().AddOutgoingGrainCallFilter<SiloFailoverRetry>());
        }
        else
        {
            builder.AddClassroomSilo();
        }

        var section = builder.Configuration.GetSection(GatewayOptions.Section);
        builder.Services.AddOptions<GatewayOptions>().Bind(section)
            .Validate(GatewayOptions.IsValid, "Classroom:Gateway has a value out of range: intervals, counts and limits must be positive, and TimeZone an IANA time zone id such as Asia/Shanghai.").ValidateOnStart();
        var gateway = section.Get<GatewayOptions>() ?? new GatewayOptions();
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        var dataDirectory = builder.Configuration[$"{ClassroomSiloOptions.Section}:{nameof(ClassroomSiloOptions.DataDirectory)}"] ?? new ClassroomSiloOptions().DataDirectory;
        var signingKey = SigningKeys.Load(gateway.SigningKey, cluster.IsCluster, dataDirectory);
        services.AddSingleton(signingKey);
        services.AddSingleton<TokenService>();
        services.AddSingleton<IPasswordHasher<AccountRecord>, PasswordHasher<AccountRecord>>();
        services.AddSingleton<AccountService>();
        services.AddAccountSafeguards();
        services.AddPhotos();
        services.AddSlides();
        builder.AddClassroomBlobs();
        builder.AddMedia();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TimeProvider>((o, time) =>
        {
            TokenService.Configure(o, signingKey, time);
            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    // Browsers cannot set headers on WebSockets: the hub takes the token from the query string. The
                    // dashboard is navigated to: an operator's sign-in left the token in a cookie for its path only.
                    if (context.Request.Path.StartsWithSegments(HubPath) && context.Request.Query["access_token"] is { Count: > 0 } token)
                    {
                        context.Token = token;
                    }
                    else if (context.Request.Path.StartsWithSegments(DashboardPath) && context.Request.Cookies[AccountEndpoints.DashboardCookie] is { } cookie)
                    {
                        context.Token = cookie;
                    }

                    return Task.CompletedTask;
                },
            };
        });
        services.AddAuthorization(Policies.Add);

        services.AddClassroomLocalization();
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiErrors>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ContractsJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, GatewayJsonContext.Default);
        });
        services.AddOpenApi();
        var mediaUploadsPerMinute = builder.UploadsPerMinute();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(HubConnectionLimit.Policy, context => HubConnectionLimit.Partition(context, gateway.ConnectionsPerMinute));
            o.AddPolicy(QaWriteLimit.Policy, context => QaWriteLimit.Partition(context, gateway.QaWritesPerTenMinutes));
            o.AddPolicy(MediaUploadLimit.Policy, context => MediaUploadLimit.Partition(context, mediaUploadsPerMinute));
        });

        services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = gateway.MaxMessageBytes;
            o.AddFilter<HubGuard>();
        }).AddJsonProtocol(o =>
        {
            o.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, ContractsJsonContext.Default);
            o.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, GatewayJsonContext.Default);
        }).AddMessagePackProtocol(o => o.SerializerOptions = HubMessagePack.Options);
        services.AddSingleton<ViewerRegistry>();
        services.AddSingleton<HubLifetimeManager<ClassroomHub>, FanoutLifetimeManager<ClassroomHub>>();
        services.AddSingleton<ClassroomFanout>();
        services.AddHostedService(sp => sp.GetRequiredService<ClassroomFanout>());
        services.AddSingleton<QaNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<QaNotifier>());
        services.AddSingleton<HubGuard>();
        services.AddSingleton<HubMetrics>();
        // SignalR logs every exception a hub method throws at Error, with its stack trace. Ours are HubExceptions that
        // HubGuard made (refusals, counted; failures, logged by HubGuard under a rate limit), or a client's malformed
        // arguments: none is news an operator should read one by one.
        builder.Logging.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.Critical);
        services.AddHostedService<DemoSeeder>();
        return builder;
    }

    /// <summary>Maps the web pages, the API, the hub, health and the OpenAPI document.</summary>
    public static WebApplication MapClassroomGateway(this WebApplication app)
    {
        app.UseClassroomLocalization();
        app.UseApiSecurityHeaders();
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
        app.MapSettingsEndpoints();
        app.MapQaEndpoints();
        app.MapMicroLessonEndpoints();
        app.MapPhotoEndpoints();
        app.MapSlideEndpoints();
        app.MapMediaEndpoints();
        // A connection ends when its token does (the page's client reconnects with the session's current token).
        app.MapHub<ClassroomHub>(HubPath, o => o.CloseOnAuthenticationExpiration = true).RequireRateLimiting(HubConnectionLimit.Policy);
        app.MapOrleansDashboard(DashboardPath).RequireAuthorization(Policies.Operator);
        return app;
    }
}
