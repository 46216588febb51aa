namespace Classroom.Runtime.Hosting;

/// <summary>Settings of the grain runtime.</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>How long a caller waits for a grain call before it fails with <see cref="GrainCallTimeoutException"/>.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an activation may stay idle before it is deactivated.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often call deadlines and idle activations are checked: the resolution of both.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long shutting down waits for activations to run <c>OnDeactivateAsync</c>.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Passes every local call's arguments, results and exceptions, and every stream item, through serialization,
    /// as a call between processes would. Costs time; the test kit turns it on so tests catch what cannot cross.
    /// </summary>
    public bool SerializeLocalCalls { get; set; }

    /// <summary>
    /// Tracks whether any activation has work, so tests can await the moment none has (see the test kit's
    /// <c>AdvanceAsync</c>). Costs two atomic operations per call; off by default.
    /// </summary>
    public bool TrackQuiescence { get; set; }

    internal void Validate()
    {
        if (CallTimeout <= TimeSpan.Zero || CollectionAge <= TimeSpan.Zero || MaintenanceInterval <= TimeSpan.Zero || ShutdownTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(GrainRuntimeOptions),
                "CallTimeout, CollectionAge, MaintenanceInterval and ShutdownTimeout must all be positive.");
        }
    }
}
