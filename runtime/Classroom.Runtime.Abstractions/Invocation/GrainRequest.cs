using System.Text.Json;

namespace Classroom.Runtime.Invocation;

/// <summary>
/// One grain call: the method, its arguments and, once run, its outcome. Generated per grain method; the runtime
/// carries it to the activation, runs it as a turn and hands the outcome back to the caller.
/// </summary>
public abstract class GrainRequest
{
    /// <summary>The method this request calls.</summary>
    public abstract GrainMethod Method { get; }

    /// <summary>Writes the arguments as a JSON array.</summary>
    public abstract void WriteArguments(Utf8JsonWriter writer, JsonSerializerOptions options);

    /// <summary>Reads the arguments from a JSON array written by <see cref="WriteArguments"/>.</summary>
    public abstract void ReadArguments(ref Utf8JsonReader reader, JsonSerializerOptions options);

    /// <summary>Runs the method on <paramref name="grain"/> and records its outcome. The task never faults.</summary>
    public abstract Task RunAsync(object grain);

    /// <summary>Hands the recorded outcome to the caller.</summary>
    public abstract void CompleteCaller();

    /// <summary>Fails the caller now, e.g. on timeout; false if the caller already had its outcome.</summary>
    public abstract bool TryFail(Exception exception);

    /// <summary>The exception the method threw, once it ran; null on success.</summary>
    public abstract Exception? Error { get; }

    /// <summary>Writes the recorded outcome: <c>{"result":…}</c> or <c>{"error":{…}}</c>.</summary>
    public abstract void WriteOutcome(Utf8JsonWriter writer, JsonSerializerOptions options);

    /// <summary>Reads an outcome written by <see cref="WriteOutcome"/> and records it.</summary>
    public abstract void ReadOutcome(ref Utf8JsonReader reader, JsonSerializerOptions options);

    /// <summary>
    /// Returns a request carrying this one's arguments through serialization, whose outcome reaches this request's
    /// caller through serialization too: a call within one process behaves as a call between processes.
    /// </summary>
    public GrainRequest CopyThroughSerialization(JsonSerializerOptions options)
    {
        var copy = Method.CreateRequest();
        var bytes = GrainArguments.WriteToBytes(this, options, static (request, writer, o) => request.WriteArguments(writer, o));
        var reader = new Utf8JsonReader(bytes);
        copy.ReadArguments(ref reader, options);
        copy.LinkCopy(this, options);
        return copy;
    }

    /// <summary>Makes the outcome observable as a task, for a request that arrived from another process.</summary>
    internal abstract Task PrepareCompletionTask();

    private protected abstract void LinkCopy(GrainRequest original, JsonSerializerOptions options);
}
