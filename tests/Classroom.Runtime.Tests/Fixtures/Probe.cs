using System.Collections.Concurrent;

namespace Classroom.Runtime.Tests.Fixtures;

/// <summary>
/// What test grains report to, and what tests steer them with: named signals to await (never sleeps), gates that
/// hold a grain method until the test opens them, counters and an event log.
/// </summary>
public sealed class Probe
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();
    private readonly ConcurrentDictionary<string, int> _counters = new();
    private readonly ConcurrentQueue<string> _log = new();

    public void Signal(string name) => Get(name).TrySetResult();

    public Task WaitAsync(string name) => Get(name).Task.WaitAsync(Patience);

    public Task GateAsync(string name) => Get("gate:" + name).Task;

    public void Open(string name) => Signal("gate:" + name);

    public int Increment(string name) => _counters.AddOrUpdate(name, 1, static (_, n) => n + 1);

    public int Count(string name) => _counters.GetValueOrDefault(name);

    public void Log(string entry) => _log.Enqueue(entry);

    public IReadOnlyList<string> Entries(string prefix) => _log.Where(e => e.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    private TaskCompletionSource Get(string name) =>
        _signals.GetOrAdd(name, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
