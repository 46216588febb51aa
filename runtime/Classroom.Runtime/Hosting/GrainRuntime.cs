using Classroom.Runtime.Catalog;
using Classroom.Runtime.Diagnostics;
using Classroom.Runtime.Invocation;
using Classroom.Runtime.Serialization;
using Classroom.Runtime.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Classroom.Runtime;

/// <summary>The invoker references hold: it forwards to the catalog (one silo) or, once a cluster starts, to its router.</summary>
internal sealed class RoutingInvoker(IGrainCallInvoker initial) : IGrainCallInvoker
{
    private volatile IGrainCallInvoker _target = initial;

    public IGrainCallInvoker Target
    {
        get => _target;
        set => _target = value;
    }

    public void Send(GrainReference target, GrainRequest request) => _target.Send(target, request);
}

/// <summary>One silo's runtime: its registries, its activations, its clock and its maintenance loop.</summary>
internal sealed partial class GrainRuntime : IAsyncDisposable
{
    private readonly Dictionary<string, IStreamProvider> _streams = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly long _callTimeoutTicks;
    private readonly long _collectionAgeTicks;

    public GrainRuntime(
        IServiceProvider services,
        IOptions<Hosting.GrainRuntimeOptions> options,
        TimeProvider timeProvider,
        GrainSerializer serializer,
        IEnumerable<Hosting.GrainAssembly> assemblies,
        IEnumerable<StreamProviderRegistration> streams)
    {
        Options = options.Value;
        Options.Validate();
        Services = services;
        TimeProvider = timeProvider;
        Serializer = serializer;
        Logger = services.GetService<ILoggerFactory>()?.CreateLogger("Classroom.Runtime") ?? NullLogger.Instance;
        Metrics = new RuntimeMetrics();
        Interfaces = new GrainInterfaceRegistry();
        Types = new GrainTypeRegistry(assemblies, Interfaces);
        Catalog = new ActivationCatalog(this);
        Invoker = new RoutingInvoker(Catalog);
        Client = new GrainFactory(this);
        Quiescence = Options.TrackQuiescence ? new Scheduling.Quiescence() : null;
        _callTimeoutTicks = ToTimestampTicks(Options.CallTimeout);
        _collectionAgeTicks = ToTimestampTicks(Options.CollectionAge);
        Metrics.ObserveActivations(() => Catalog.Count);
        foreach (var registration in streams)
        {
            _streams[registration.Name] = registration.Create(registration.Name, this);
        }
    }

    public Hosting.GrainRuntimeOptions Options { get; }

    public IServiceProvider Services { get; }

    public TimeProvider TimeProvider { get; }

    public GrainSerializer Serializer { get; }

    public ILogger Logger { get; }

    public RuntimeMetrics Metrics { get; }

    public GrainInterfaceRegistry Interfaces { get; }

    public GrainTypeRegistry Types { get; }

    public ActivationCatalog Catalog { get; }

    public GrainFactory Client { get; }

    /// <summary>Carries calls made through references: straight to the catalog, or through the cluster's router.</summary>
    public RoutingInvoker Invoker { get; }

    /// <summary>Signals when no activation has work; null unless <see cref="Hosting.GrainRuntimeOptions.TrackQuiescence"/>.</summary>
    public Scheduling.Quiescence? Quiescence { get; }

    /// <summary>Cancelled when the silo stops.</summary>
    public CancellationToken ShutdownToken => _shutdown.Token;

    /// <summary>The deadline of a call sent now.</summary>
    public long Deadline() => TimeProvider.GetTimestamp() + _callTimeoutTicks;

    public IStreamProvider GetStreamProvider(string name) =>
        _streams.TryGetValue(name, out var provider)
            ? provider
            : throw new KeyNotFoundException($"No stream provider named '{name}' is registered (AddMemoryStreams(\"{name}\")).");

    private long ToTimestampTicks(TimeSpan span) => (long)(span.TotalSeconds * TimeProvider.TimestampFrequency);

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        Metrics.Dispose();
        _shutdown.Dispose();
    }
}
