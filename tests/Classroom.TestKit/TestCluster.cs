using Classroom.Runtime;
using Classroom.Runtime.EventLogs;
using Classroom.Runtime.Hosting;
using Classroom.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Classroom.TestKit;

/// <summary>
/// A silo in the test process: in-memory grain and event log storage named "Default" that survive <see cref="RestartAsync"/>, in-memory
/// streams named "Default", a <see cref="FakeTimeProvider"/>, and every call passed through serialization as if it
/// crossed processes. Share one per test collection; make one of its own for a test that moves the clock far.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly TestClusterOptions _options;
    private IHost _host;
    private StorageGate _gate = null!;

    private TestCluster(TestClusterOptions options, FakeTimeProvider time, MemoryGrainStorage storage, MemoryEventLogStorage eventLogs, IHost host)
    {
        _options = options;
        Time = time;
        Storage = storage;
        EventLogs = eventLogs;
        _host = host;
    }

    /// <summary>The clock every grain of this cluster reads.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The "Default" storage; kept across restarts.</summary>
    public MemoryGrainStorage Storage { get; }

    /// <summary>The "Default" event log storage; kept across restarts.</summary>
    public MemoryEventLogStorage EventLogs { get; }

    /// <summary>The client tests call grains through.</summary>
    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Starts a cluster.</summary>
    public static async Task<TestCluster> StartAsync(Action<TestClusterOptions> configure)
    {
        var options = new TestClusterOptions();
        configure(options);
        var time = new FakeTimeProvider();
        var storage = new MemoryGrainStorage();
        var eventLogs = new MemoryEventLogStorage();
        var (host, gate) = await StartHostAsync(options, time, storage, eventLogs);
        return new TestCluster(options, time, storage, eventLogs, host) { _gate = gate };
    }

    /// <summary>Stops the silo (deactivating every grain) and starts a new one over the same storage and clock.</summary>
    public async Task RestartAsync()
    {
        await StopHostAsync(_host);
        (_host, _gate) = await StartHostAsync(_options, Time, Storage, EventLogs);
    }

    /// <summary>
    /// Kills the silo as a crash would: from this moment none of its writes reach storage, and its grains get no
    /// chance to save anything more. Then starts a new silo over what the storage holds.
    /// </summary>
    public async Task KillAsync()
    {
        _gate.Close();
        await StopHostAsync(_host);
        (_host, _gate) = await StartHostAsync(_options, Time, Storage, EventLogs);
    }

    /// <summary>How many grains of <paramref name="grainType"/> are active now.</summary>
    public int ActivationCount(string grainType) =>
        _host.Services.GetRequiredService<GrainRuntime>().Catalog.Activations.Count(a => a.GrainId.Type == grainType);

    /// <summary>Completes when no grain has work left: every call, timer tick and stream delivery to grains has run.</summary>
    public Task WhenIdleAsync() =>
        _host.Services.GetRequiredService<GrainRuntime>().Quiescence!.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>
    /// Moves the clock forward one timer instant at a time, letting the grains finish what each instant started before
    /// the next: timers then see the clock at their due time, whatever the machine's speed.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan delta)
    {
        var target = Time.GetUtcNow() + delta;
        await WhenIdleAsync();
        while (Time.FireNext(target))
        {
            await WhenIdleAsync();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopHostAsync(_host);

    private static async Task<(IHost, StorageGate)> StartHostAsync(TestClusterOptions options, FakeTimeProvider time, MemoryGrainStorage storage, MemoryEventLogStorage eventLogs)
    {
        var gate = new StorageGate(storage, eventLogs);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddGrainRuntime(runtime =>
        {
            foreach (var assembly in options.GrainAssemblies)
            {
                runtime.AddGrains(assembly);
            }

            foreach (var context in options.SerializerContexts)
            {
                runtime.AddSerializerContext(context);
            }

            runtime.AddGrainStorage(GrainStorage.DefaultName, gate);
            runtime.AddEventLogStorage(GrainStorage.DefaultName, gate);
            runtime.AddMemoryStreams();
            runtime.Configure(o =>
            {
                o.SerializeLocalCalls = true;
                o.TrackQuiescence = true;
                options.ConfigureRuntime?.Invoke(o);
            });
            options.ConfigureBuilder?.Invoke(runtime);
        });
        options.ConfigureServices?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return (host, gate);
    }

    private static async Task StopHostAsync(IHost host)
    {
        await host.StopAsync();
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
