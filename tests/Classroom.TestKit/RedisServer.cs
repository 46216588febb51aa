using System.Diagnostics;

namespace Classroom.TestKit;

/// <summary>
/// A private redis-server for one test (Debian's <c>redis-server</c>; <c>./test.sh</c> installs it) on a free loopback
/// port, without persistence, so a test can restart it and see what a cluster does when Redis loses everything (or,
/// with <see cref="RestartKeepingDataAsync"/>, what a restart of a Redis that saves its data does).
/// Killed when disposed or when the test process exits.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("classroom-redis-").FullName;
    private Process? _process;

    private RedisServer(int port)
    {
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string of this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(LoopbackPort.Free());
        await server.LaunchAsync();
        return server;
    }

    /// <summary>Kills the server (as a crash would) and starts an empty one on the same port.</summary>
    public async Task RestartAsync()
    {
        Kill();
        File.Delete(Path.Combine(_directory, "dump.rdb"));
        await LaunchAsync();
    }

    /// <summary>
    /// Saves the data (SAVE), stops the server and starts it again on the same port with that data: a Redis restarted
    /// for maintenance. Down for as long as a start takes.
    /// </summary>
    public async Task RestartKeepingDataAsync()
    {
        using (var client = new System.Net.Sockets.TcpClient())
        {
            await client.ConnectAsync(System.Net.IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("*1\r\n$4\r\nSAVE\r\n"u8.ToArray());
            var reply = new byte[64];
            var read = await stream.ReadAsync(reply).AsTask().WaitAsync(TimeSpan.FromSeconds(20));
            if (read < 3 || reply[0] != (byte)'+')
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not save: {System.Text.Encoding.ASCII.GetString(reply, 0, read)}");
            }
        }

        Kill();
        await LaunchAsync();
    }

    /// <summary>Kills the server; it stays down until <see cref="LaunchAsync"/>.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    public async Task LaunchAsync()
    {
        var binary = File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : "redis-server";
        var start = new ProcessStartInfo(binary,
            ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no", "--daemonize", "no",
             "--dir", _directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            _process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("redis-server is not installed: run ./test.sh (it installs Debian's redis-server).", e);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            if (e.Data.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, _) => { };
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException(
            $"redis-server on port {Port} exited at start:\n{string.Join('\n', output)}"));
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }
}
