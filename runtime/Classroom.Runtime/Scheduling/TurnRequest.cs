using System.Text.Json;
using Classroom.Runtime.Invocation;

namespace Classroom.Runtime.Scheduling;

/// <summary>A turn the runtime itself asks an activation to run: a timer tick or a stream delivery. Never serialized.</summary>
internal sealed class TurnRequest(GrainMethod method, Func<CancellationToken, Task> callback, CancellationToken cancellationToken)
    : GrainRequest<VoidResult>
{
    public static readonly GrainMethod Timer = Describe("Timer", GrainMethodOptions.None);
    public static readonly GrainMethod InterleavingTimer = Describe("Timer", GrainMethodOptions.AlwaysInterleave);
    public static readonly GrainMethod StreamDelivery = Describe("StreamDelivery", GrainMethodOptions.None);

    public override GrainMethod Method => method;

    protected override ValueTask<VoidResult> InvokeCoreAsync(object grain) => GrainResults.Void(callback(cancellationToken));

    public override void WriteArguments(Utf8JsonWriter writer, JsonSerializerOptions options) =>
        throw new NotSupportedException("Runtime turns run where they were created and are never serialized.");

    public override void ReadArguments(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        throw new NotSupportedException("Runtime turns run where they were created and are never serialized.");

    private static GrainMethod Describe(string name, GrainMethodOptions options) =>
        new(typeof(Grain), name, "$" + name, options, static () => throw new NotSupportedException("Runtime turns are not created from the wire."));
}
