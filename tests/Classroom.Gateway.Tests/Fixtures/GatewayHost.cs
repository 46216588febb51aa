using System.Net.Http.Json;
using Classroom.Gateway.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Classroom.Gateway.Tests.Fixtures;

/// <summary>
/// The whole gateway (with its co-hosted silo) in the test process, on a real Kestrel socket on loopback, over a fresh
/// data folder with the demo accounts seeded. Real sockets matter: the slow-consumer rule depends on real backpressure.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private GatewayHost(WebApplication app, string directory)
    {
        _app = app;
        _directory = directory;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Http = CreateClient();
    }

    /// <summary>The language the tests read messages in unless a test asks for another: the gateway's default is zh-CN.</summary>
    public const string TestLanguage = "en";

    public Uri BaseAddress { get; }

    /// <summary>A client asking for <see cref="TestLanguage"/> (Accept-Language).</summary>
    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>What the gateway has logged at Warning and above.</summary>
    public LogCapture Logs { get; private init; } = new();

    /// <summary>Starts a gateway; <paramref name="time"/> replaces the system clock (the gateway and its silo use it).</summary>
    public static async Task<GatewayHost> StartAsync(IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var directory = Directory.CreateTempSubdirectory("classroom-gateway-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new LogCapture();
        builder.Logging.ClearProviders().AddConsole().AddProvider(logs).SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Classroom:Silo:DataDirectory"] = directory,
            ["Classroom:Gateway:SeedDemo"] = "true",
            ["Classroom:Gateway:FlushInterval"] = "00:00:00.010",
            // Tests read the Q&A lists and search right after an action: on a loaded machine the index's first
            // activation may take longer than the production wait, so an action here waits for its sync.
            ["Classroom:Qa:SyncWait"] = "00:00:30",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.AddClassroomGateway();
        builder.Services.Configure<Microsoft.AspNetCore.SignalR.HubOptions>(o => o.EnableDetailedErrors = true);
        var app = builder.Build();
        app.MapClassroomGateway();
        await app.StartAsync();
        return new GatewayHost(app, directory) { Logs = logs };
    }

    /// <summary>A new client of this gateway sending Accept-Language <paramref name="language"/> (null: none, as .NET's HttpClient does).</summary>
    public HttpClient CreateClient(string? language = TestLanguage) => CreateClient(BaseAddress, language);

    /// <summary>A new client of the gateway at <paramref name="baseAddress"/> sending Accept-Language <paramref name="language"/> (null: none).</summary>
    public static HttpClient CreateClient(Uri baseAddress, string? language = TestLanguage)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    /// <summary>Signs in and returns the bearer token.</summary>
    public async Task<string> TokenAsync(string userName, string password)
    {
        var response = await Http.PostAsJsonAsync("/api/accounts/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
    }

    public Task<string> TeacherTokenAsync() => TokenAsync("teacher", "teacher-demo");

    public Task<string> StudentTokenAsync(int number) => TokenAsync($"student{number}", "student-demo");

    /// <summary>A hub connection signed in with <paramref name="token"/>, in <paramref name="language"/> (the hub URL's <c>lang</c>; null: none).</summary>
    public Task<HubTestClient> ConnectAsync(string token, string? language = TestLanguage) =>
        HubTestClient.ConnectAsync(new Uri(BaseAddress, "/hubs/classroom"), token, language);

    /// <summary>A raw hub socket signed in with <paramref name="token"/>, in <see cref="TestLanguage"/>, for input no client library sends.</summary>
    public Task<RawHubSocket> ConnectRawAsync(string token) =>
        RawHubSocket.ConnectAsync(new Uri(BaseAddress, $"/hubs/classroom?access_token={Uri.EscapeDataString(token)}&lang={TestLanguage}"));

    /// <summary>Stops the gateway as a deployment does (the host's graceful stop), keeping its data folder.</summary>
    public Task StopAsync() => _app.StopAsync();

    /// <summary>
    /// The seqs of classroom <paramref name="classroomId"/>'s log as a gateway started afresh on this one's data folder
    /// reads them (this one must be stopped).
    /// </summary>
    public async Task<List<long>> RestartedLogAsync(string classroomId)
    {
        await using var restarted = await RestartOnCopyAsync();
        var classroom = restarted.Services.GetRequiredService<IClusterClient>().GetGrain<Classroom.Contracts.Classrooms.IClassroomGrain>(classroomId);
        var seqs = new List<long>();
        for (var after = 0L; ;)
        {
            var page = await classroom.GetEventsAsync("teacher", after, 1000);
            seqs.AddRange(page.Events.Select(e => e.Seq));
            after = page.ThroughSeq;
            if (!page.HasMore)
            {
                return seqs;
            }
        }
    }

    /// <summary>
    /// A gateway started afresh on a copy of this one's data folder (this one must be stopped): what a restart of the
    /// deployment finds (its SQLite database and signing key).
    /// </summary>
    public async Task<GatewayHost> RestartOnCopyAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var copy = Directory.CreateTempSubdirectory("classroom-gateway-restarted-").FullName;
        foreach (var file in Directory.EnumerateFiles(_directory))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return await StartAsync(new Dictionary<string, string?> { ["Classroom:Silo:DataDirectory"] = copy });
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed record TokenResponse(string AccessToken);
}

/// <summary>One gateway shared by the tests of a collection.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public GatewayHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await GatewayHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
