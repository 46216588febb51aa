using System.Collections.Concurrent;
using System.Diagnostics;

namespace Classroom.TestKit;

/// <summary>A <c>dotnet</c> child process (a silo, a gateway) whose output is kept for messages, killed with SIGKILL.</summary>
public sealed class ChildProcess
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waits = new();

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output => string.Join('\n', _lines.TakeLast(60));

    public static ChildProcess Start(string name, string assembly, IEnumerable<string> arguments, IDictionary<string, string> environment)
    {
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} is not built: build Classroom.sln first.");
        }

        var start = new ProcessStartInfo("dotnet", [assembly, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var child = new ChildProcess(name, new Process { StartInfo = start });
        child._process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => child.Kill();
        return child;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        foreach (var (text, wait) in _waits)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                wait.TrySetResult();
            }
        }
    }

    /// <summary>Every line containing <paramref name="text"/>, each with the <paramref name="following"/> lines after it.</summary>
    public IReadOnlyList<string> LinesWith(string text, int following)
    {
        var lines = _lines.ToArray();
        return [.. lines.Select((line, i) => (line, i)).Where(l => l.line.Contains(text, StringComparison.Ordinal))
            .Select(l => string.Join(" | ", lines.Skip(l.i).Take(1 + following).Select(x => x.Trim())))];
    }

    /// <summary>Completes when the process prints a line containing <paramref name="text"/> (or has printed one).</summary>
    public async Task WaitForOutputAsync(string text)
    {
        var wait = _waits.GetOrAdd(text, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            wait.TrySetResult();
        }

        try
        {
            await wait.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"{Name} never printed '{text}':\n{Output}");
        }
    }

    /// <summary>SIGTERM, as a deployment stops a service, then waits (at most 30 s) for the process to exit.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            Kill();
        }
    }

    /// <summary>SIGKILL: the process gets no chance to say anything to the cluster.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
    }
}
