using Classroom.Runtime.Invocation;

namespace Classroom.Runtime.Scheduling;

/// <summary>A request on its way through an activation's inbox, with its deadline and interleaving.</summary>
internal sealed class Message
{
    public Message(GrainId target, GrainRequest request, long deadline, bool pinned = false, bool keepAlive = true)
    {
        Target = target;
        Request = request;
        Deadline = deadline;
        Pinned = pinned;
        KeepAlive = keepAlive;
        var options = request.Method.Options;
        AlwaysInterleave = (options & GrainMethodOptions.AlwaysInterleave) != 0;
        ReadOnly = (options & GrainMethodOptions.ReadOnly) != 0;
    }

    /// <summary>The grain the message is for.</summary>
    public GrainId Target { get; }

    public GrainRequest Request { get; }

    /// <summary>When the caller stops waiting, in <see cref="TimeProvider.GetTimestamp"/> units.</summary>
    public long Deadline { get; }

    /// <summary>A turn for one activation only (a timer tick, a stream delivery): never forwarded to another.</summary>
    public bool Pinned { get; }

    /// <summary>Counts as activity for idle collection.</summary>
    public bool KeepAlive { get; }

    public bool AlwaysInterleave { get; }

    public bool ReadOnly { get; }

    /// <summary>The caller was already failed with a timeout; a queued message that expired is skipped.</summary>
    public bool Expired { get; set; }

    /// <summary>The activation running the message, once started.</summary>
    public Catalog.Activation? Activation { get; private set; }

    public Message WithActivation(Catalog.Activation activation)
    {
        Activation = activation;
        return this;
    }

    /// <summary>When the message was sent, for the latency metric (Stopwatch ticks; 0 when not measured).</summary>
    public long SentTicks { get; set; }
}
