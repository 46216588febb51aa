namespace Classroom.Runtime.Invocation;

/// <summary>Base class of the generated grain references (proxies). Equal when they name the same grain.</summary>
public abstract class GrainReference : IEquatable<GrainReference>
{
    /// <summary>Called by generated proxies.</summary>
    protected GrainReference(IGrainCallInvoker invoker, GrainId grainId)
    {
        Invoker = invoker;
        GrainId = grainId;
    }

    /// <summary>The grain this reference calls.</summary>
    public GrainId GrainId { get; }

    /// <summary>The runtime that carries calls made through this reference.</summary>
    public IGrainCallInvoker Invoker { get; }

    /// <summary>The runtime's last known target for this reference, so repeated calls skip the directory lookup.</summary>
    internal object? CachedTarget;

    /// <summary>Sends a call and returns the task of its result.</summary>
    protected Task<TResult> InvokeAsync<TResult>(GrainRequest<TResult> request)
    {
        var task = request.PrepareCompletion();
        Invoker.Send(this, request);
        return task;
    }

    /// <inheritdoc />
    public bool Equals(GrainReference? other) => other is not null && GrainId == other.GrainId;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GrainReference other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => GrainId.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"GrainReference:{GrainId}";
}
