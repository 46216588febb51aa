using System.Text.Json;

namespace Classroom.Runtime.Invocation;

/// <summary>A grain call whose method returns <typeparamref name="TResult"/> (<see cref="VoidResult"/> for none).</summary>
public abstract class GrainRequest<TResult> : GrainRequest
{
    private TaskCompletionSource<TResult>? _completion;
    private TResult? _result;
    private Exception? _error;

    // Set on a copy made by CopyThroughSerialization: the request whose caller receives this copy's outcome.
    private GrainRequest? _original;
    private JsonSerializerOptions? _copyOptions;

    /// <summary>Calls the method on the grain; generated.</summary>
    protected abstract ValueTask<TResult> InvokeCoreAsync(object grain);

    /// <inheritdoc />
    public sealed override Exception? Error => _error;

    internal Task<TResult> PrepareCompletion()
    {
        _completion = new TaskCompletionSource<TResult>();
        return _completion.Task;
    }

    internal sealed override Task PrepareCompletionTask() => PrepareCompletion();

    /// <inheritdoc />
    public sealed override Task RunAsync(object grain)
    {
        ValueTask<TResult> pending;
        try
        {
            pending = InvokeCoreAsync(grain);
        }
        catch (Exception e)
        {
            _error = e;
            return Task.CompletedTask;
        }

        if (pending.IsCompletedSuccessfully)
        {
            _result = pending.Result;
            return Task.CompletedTask;
        }

        return AwaitAsync(pending);
    }

    private async Task AwaitAsync(ValueTask<TResult> pending)
    {
        try
        {
            _result = await pending;
        }
        catch (Exception e)
        {
            _error = e;
        }
    }

    /// <inheritdoc />
    public sealed override void CompleteCaller()
    {
        if (_original is { } original)
        {
            try
            {
                var bytes = GrainArguments.WriteToBytes(this, _copyOptions!, static (request, writer, o) => request.WriteOutcome(writer, o));
                var reader = new Utf8JsonReader(bytes);
                original.ReadOutcome(ref reader, _copyOptions!);
            }
            catch (Exception e)
            {
                // The outcome could not cross the boundary: the caller learns why instead of waiting for its timeout.
                original.TryFail(e);
                return;
            }

            original.CompleteCaller();
            return;
        }

        if (_error is null)
        {
            _completion?.TrySetResult(_result!);
        }
        else
        {
            _completion?.TrySetException(_error);
        }
    }

    /// <inheritdoc />
    public sealed override bool TryFail(Exception exception) =>
        _original?.TryFail(exception) ?? _completion?.TrySetException(exception) ?? false;

    /// <inheritdoc />
    public sealed override void WriteOutcome(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (_error is null)
        {
            writer.WritePropertyName("result");
            try
            {
                GrainArguments.Write(writer, _result, options);
            }
            catch (Exception e) when (e is NotSupportedException or JsonException)
            {
                // The result cannot cross the boundary: the caller gets that failure instead of a half-written value.
                throw new InvalidOperationException($"The result of {Method.DisplayName} could not be serialized: {e.Message}", e);
            }
        }
        else
        {
            writer.WritePropertyName("error");
            ExceptionCodec.Write(writer, _error);
        }

        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public sealed override void ReadOutcome(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        GrainArguments.Expect(ref reader, JsonTokenType.StartObject);
        GrainArguments.Expect(ref reader, JsonTokenType.PropertyName);
        if (reader.ValueTextEquals("result"))
        {
            _result = GrainArguments.Read<TResult>(ref reader, options);
            _error = null;
        }
        else
        {
            reader.Read();
            _error = ExceptionCodec.Read(ref reader);
        }

        GrainArguments.Expect(ref reader, JsonTokenType.EndObject);
    }

    private protected sealed override void LinkCopy(GrainRequest original, JsonSerializerOptions options)
    {
        _original = original;
        _copyOptions = options;
    }
}
