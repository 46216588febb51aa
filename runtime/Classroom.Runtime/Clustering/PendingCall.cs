using Classroom.Runtime.Invocation;

namespace Classroom.Runtime.Clustering;

/// <summary>A call sent to another member, waiting for its outcome.</summary>
internal sealed class PendingCall(long id, GrainId grainId, GrainRequest request, string owner, int attempt, long deadline)
{
    public long Id => id;

    public GrainId GrainId => grainId;

    public GrainRequest Request => request;

    /// <summary>The member the call was sent to.</summary>
    public string Owner => owner;

    /// <summary>0 for the first send, 1 for the resend after its silo died.</summary>
    public int Attempt => attempt;

    public long Deadline => deadline;

    public SiloConnection? Connection { get; set; }
}
