using Classroom.Runtime.Streams;
using Classroom.Runtime.Timers;

namespace Classroom.Runtime;

/// <summary>
/// Base class of grain implementations. The runtime constructs grains; its constructor parameters are resolved
/// from the silo's services, and parameters marked <see cref="Storage.PersistentStateAttribute"/> receive durable state.
/// </summary>
public abstract class Grain
{
    /// <summary>Binds the grain to the activation the runtime is constructing.</summary>
    protected Grain()
    {
        GrainContext = RuntimeContext.Constructing
            ?? throw new InvalidOperationException(
                $"{GetType().Name} is a grain: the runtime creates it on the first call through IGrainFactory.GetGrain, it cannot be created with 'new'.");
    }

    /// <summary>The runtime's side of this activation.</summary>
    public IGrainContext GrainContext { get; }

    /// <summary>The identity of this grain.</summary>
    public GrainId GrainId => GrainContext.GrainId;

    /// <summary>Creates references to other grains.</summary>
    protected IGrainFactory GrainFactory => GrainContext.GrainFactory;

    /// <summary>The silo's services.</summary>
    protected IServiceProvider ServiceProvider => GrainContext.Services;

    /// <summary>The silo's clock.</summary>
    protected TimeProvider TimeProvider => GrainContext.TimeProvider;

    /// <summary>The key of this grain.</summary>
    public string GetPrimaryKeyString() => GrainContext.GrainId.Key;

    /// <summary>Runs as the first turn of a new activation, after its persistent state was read.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs as the last turn of an activation. Not guaranteed to run if the process dies.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once the current turn completes; later calls reach a new activation.</summary>
    protected void DeactivateOnIdle() => GrainContext.DeactivateOnIdle();

    /// <summary>Registers a timer whose callbacks run as turns of this activation (never concurrently with calls unless interleaving).</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        GrainContext.RegisterGrainTimer(callback, new GrainTimerCreationOptions(dueTime, period));

    /// <summary>Registers a timer with full options.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options) =>
        GrainContext.RegisterGrainTimer(callback, options);

    /// <summary>Returns the stream provider registered under <paramref name="name"/>.</summary>
    protected IStreamProvider GetStreamProvider(string name) => GrainContext.GetStreamProvider(name);
}
