using Classroom.Runtime.Streams;
using Classroom.Runtime.Timers;

namespace Classroom.Runtime;

/// <summary>The runtime's side of one activation, as a grain sees it.</summary>
public interface IGrainContext
{
    /// <summary>The identity of the grain.</summary>
    GrainId GrainId { get; }

    /// <summary>Creates references to other grains.</summary>
    IGrainFactory GrainFactory { get; }

    /// <summary>The services of the silo hosting the activation.</summary>
    IServiceProvider Services { get; }

    /// <summary>The clock of the silo; tests replace it with a fake.</summary>
    TimeProvider TimeProvider { get; }

    /// <summary>Deactivates the activation once its current turn completes.</summary>
    void DeactivateOnIdle();

    /// <summary>Registers a timer whose callbacks run as turns of this activation.</summary>
    IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options);

    /// <summary>Returns the stream provider registered under <paramref name="name"/>.</summary>
    IStreamProvider GetStreamProvider(string name);
}
