using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Classroom.TestKit;

/// <summary>
/// A real PostgreSQL server for tests: the one <c>CLASSROOM_TEST_POSTGRES</c> names (a connection string), or else a
/// private one started from Debian's binaries (<c>apt-get install postgresql</c>; <c>./test.sh</c> installs it) in a
/// temporary folder on a free loopback port, shared by the tests of the process and stopped when it exits. Each user
/// gets a schema of its own, so tests never see each other's rows.
/// </summary>
public sealed class PostgreSqlServer
{
    private const string FolderPrefix = "classroom-postgres-";
    private static readonly Lazy<Task<PostgreSqlServer>> Instance = new(StartAsync);
    private readonly string? _directory;
    private (string Bin, string Data, string? User)? _control;

    private PostgreSqlServer(string connectionString, string? directory)
    {
        ConnectionString = connectionString;
        _directory = directory;
    }

    public string ConnectionString { get; }

    /// <summary>The server of this test process, started on first use.</summary>
    public static Task<PostgreSqlServer> SharedAsync() => Instance.Value;

    /// <summary>A fresh schema name; <see cref="DropSchemaAsync"/> removes it.</summary>
    public static string NewSchema() => "test_" + Guid.NewGuid().ToString("N");

    public async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgreSqlServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("CLASSROOM_TEST_POSTGRES") is { Length: > 0 } given)
        {
            return new PostgreSqlServer(given, null);
        }

        var bin = FindBinaries();
        RemoveStoppedServers();
        var directory = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        var port = LoopbackPort.Free();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // PostgreSQL refuses to run as root: its files and processes belong to the postgres user.
            await RunAsync("chown", ["postgres", directory], asUser: null);
        }

        var user = asRoot ? "postgres" : null;
        var data = Path.Combine(directory, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "classroom", "-E", "UTF8", "--no-sync"], user);
        await RunAsync(Path.Combine(bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start",
             "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"], user);
        var server = new PostgreSqlServer($"Host=127.0.0.1;Port={port};Username=classroom;Database=postgres;Pooling=true", directory)
        {
            _control = (bin, data, user),
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(bin, data, user);
        return server;
    }

    /// <summary>
    /// Restarts the private server (pg_ctl restart, fast: open sessions are cut, as in a maintenance restart); the
    /// server a connection string names is not ours to restart.
    /// </summary>
    public async Task RestartAsync()
    {
        var (bin, data, user) = _control ?? throw new NotSupportedException("CLASSROOM_TEST_POSTGRES names a server these tests do not run: it cannot be restarted.");
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "-t", "60", "restart"], user);
        NpgsqlConnection.ClearAllPools();
    }

    private void Stop(string bin, string data, string? user)
    {
        // ProcessExit handlers are synchronous: wait for pg_ctl here, bounded.
        using var stop = Process.Start(Start(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], user));
        stop?.WaitForExit(TimeSpan.FromSeconds(20));
        TryDelete(_directory!);
    }

    /// <summary>Folders of servers from earlier runs that were stopped but not removed (a test host may be cut short).</summary>
    private static void RemoveStoppedServers()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            if (!File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
            {
                TryDelete(folder);
            }
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next run, or the system, to clean.
        }
    }

    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: run ./test.sh (it installs Debian's postgresql) or set CLASSROOM_TEST_POSTGRES to a connection string.");
    }


    private static ProcessStartInfo Start(string file, IEnumerable<string> arguments, string? asUser)
    {
        var start = asUser is null ? new ProcessStartInfo(file, arguments) : new ProcessStartInfo("runuser", ["-u", asUser, "--", file, .. arguments]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return start;
    }

    private static async Task RunAsync(string file, IEnumerable<string> arguments, string? asUser)
    {
        using var process = Process.Start(Start(file, arguments, asUser))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
