using Classroom.Gateway.Extensions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Classroom.Bench.Fanout;

/// <summary>
/// The server side of the fan-out benchmark, run as a child process of the benchmark (a process may hold 20,000 open
/// files here, and 10,000 viewers need 10,000 sockets on each side): the gateway with its co-hosted silo, or with
/// --baseline a plain SignalR hub. Prints "listening URL" and runs until its standard input closes.
/// </summary>
internal static class FanoutServer
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var baseline = options.Flag("baseline");
        var directory = Directory.CreateTempSubdirectory("classroom-fanout-").FullName;
        try
        {
            await using var app = baseline ? Baseline() : Gateway(directory);
            await app.StartAsync();
            Console.WriteLine($"listening {app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()}");
            while (await Console.In.ReadLineAsync() is not null)
            {
            }

            await app.StopAsync();
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static WebApplication Gateway(string directory)
    {
        var builder = Builder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Classroom:Silo:DataDirectory"] = directory,
            ["Classroom:Gateway:SeedDemo"] = "true",
            ["Classroom:Gateway:ChatPerSecond"] = "100000",
            ["Classroom:Gateway:ChatBurst"] = "100000",
            ["Classroom:Gateway:ConnectionsPerMinute"] = "1000000",
        });
        builder.AddClassroomGateway();
        var app = builder.Build();
        app.MapClassroomGateway();
        return app;
    }

    private static WebApplication Baseline()
    {
        var builder = Builder();
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<BaselineSequence>();
        var app = builder.Build();
        app.MapHub<BaselineHub>("/hubs/baseline");
        return app;
    }

    private static WebApplicationBuilder Builder()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        return builder;
    }
}
