using Classroom.TestKit;

namespace Classroom.Gateway.Tests.Fixtures;

/// <summary>
/// A cluster of real processes on loopback, as <c>scripts/cluster.sh</c> starts one: a private redis-server, a schema in
/// the test PostgreSQL, silos (<c>Classroom.Silo.dll</c>) and gateways (<c>Classroom.Gateway.dll</c>) in cluster mode,
/// each its own <c>dotnet</c> process that a test can kill with SIGKILL.
/// </summary>
public sealed class ClusterProcesses : IAsyncDisposable
{
    private static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
    private readonly string _schema = PostgreSqlServer.NewSchema();
    private readonly string _clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private PostgreSqlServer _postgres = null!;

    private ClusterProcesses()
    {
    }

    public RedisServer Redis { get; private set; } = null!;

    public List<ChildProcess> Silos { get; } = [];

    /// <summary>The port each silo listens on for other silos: how a silo address names its process.</summary>
    public Dictionary<ChildProcess, int> SiloPorts { get; } = [];

    /// <summary>The cluster's id, for an Orleans client of the test's own.</summary>
    public string ClusterId => _clusterId;

    public List<GatewayProcess> Gateways { get; } = [];

    public static async Task<ClusterProcesses> StartAsync(int silos, int gateways)
    {
        var cluster = new ClusterProcesses();
        try
        {
            cluster._postgres = await PostgreSqlServer.SharedAsync();
            cluster.Redis = await RedisServer.StartAsync();
            for (var i = 1; i <= silos; i++)
            {
                await cluster.StartSiloAsync($"silo{i}");
            }

            for (var i = 1; i <= gateways; i++)
            {
                var port = LoopbackPort.Free();
                var process = ChildProcess.Start($"gateway{i}", Path.Combine(Repository.Root, "gateway", "Classroom.Gateway", "bin", Configuration, "net10.0", "Classroom.Gateway.dll"),
                    ["--urls", $"http://127.0.0.1:{port}"], cluster.Environment());
                var gateway = new GatewayProcess(process, new Uri($"http://127.0.0.1:{port}"));
                cluster.Gateways.Add(gateway);
                await gateway.WaitHealthyAsync();
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async Task<ChildProcess> StartSiloAsync(string name)
    {
        var port = LoopbackPort.Free();
        var environment = Environment();
        environment["Classroom__Cluster__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var silo = ChildProcess.Start(name, Path.Combine(Repository.Root, "silo", "Classroom.Silo", "bin", Configuration, "net10.0", "Classroom.Silo.dll"), [], environment);
        Silos.Add(silo);
        SiloPorts[silo] = port;
        await silo.WaitForOutputAsync("Started silo ");
        return silo;
    }

    /// <summary>Runs <paramref name="check"/>; if it fails, the failure carries what every process printed last.</summary>
    public async Task ExplainFailureAsync(Func<Task> check)
    {
        try
        {
            await check();
        }
        catch (Exception e)
        {
            var outputs = Silos.Concat(Gateways.Select(g => g.Process)).Select(p => $"--- {p.Name} ---\n{p.Output}");
            throw new Xunit.Sdk.XunitException($"{e.Message}\n{string.Join('\n', outputs)}");
        }
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["Classroom__Cluster__Mode"] = "cluster",
        ["Classroom__Cluster__Redis"] = Redis.Configuration,
        ["Classroom__Cluster__ClusterId"] = _clusterId,
        ["Classroom__Silo__Storage"] = "postgresql",
        ["Classroom__Silo__PostgreSql__ConnectionString"] = _postgres.ConnectionString,
        ["Classroom__Silo__PostgreSql__Schema"] = _schema,
        ["Classroom__Gateway__SeedDemo"] = "true",
        ["Classroom__Gateway__FlushInterval"] = "00:00:00.010",
        ["Classroom__Gateway__ChatPerSecond"] = "100",
        ["Classroom__Gateway__ChatBurst"] = "100",
        ["Classroom__Gateway__SigningKey"] = _signingKey,
        ["Classroom__Gateway__Operators__0"] = "operator",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Orleans.Runtime.Silo"] = "Information",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Gateways.Select(g => g.Process).Concat(Silos))
        {
            process.Kill();
        }

        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DropSchemaAsync(_schema);
        }
    }
}

/// <summary>A gateway process and an HTTP client for it.</summary>
public sealed class GatewayProcess(ChildProcess process, Uri baseAddress)
{
    public ChildProcess Process => process;

    public Uri BaseAddress => baseAddress;

    public HttpClient Http { get; } = GatewayHost.CreateClient(baseAddress);

    /// <summary>Waits until the host says it has started (after joining the cluster and seeding), then checks health.</summary>
    public async Task WaitHealthyAsync()
    {
        await process.WaitForOutputAsync("Application started");
        var health = await Http.GetAsync("/health");
        if (!health.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{process.Name} started but /health answered {(int)health.StatusCode}:\n{process.Output}");
        }
    }

    public async Task<string> TokenAsync(string userName, string password)
    {
        var response = await Http.PostAsync("/api/accounts/login",
            System.Net.Http.Json.JsonContent.Create(new { userName, password }));
        response.EnsureSuccessStatusCode();
        var body = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(response.Content);
        return body!["accessToken"]!.GetValue<string>();
    }

    public Task<HubTestClient> ConnectAsync(string token) =>
        HubTestClient.ConnectAsync(new Uri(BaseAddress, "/hubs/classroom"), token);
}
