using System.Text.Json;
using Classroom.Runtime.Invocation;

namespace Classroom.Runtime.Clustering;

/// <summary>The frames a connection delivers: calls from other members, and the outcomes of calls this member sent.</summary>
internal sealed partial class ClusterRouter
{
    public void OnFrame(SiloConnection connection, FrameKind kind, long id, ReadOnlySpan<byte> payload)
    {
        switch (kind)
        {
            case FrameKind.Request:
                OnRequest(connection, id, payload);
                break;
            case FrameKind.Response when _pending.TryRemove(id, out var call):
                try
                {
                    var reader = new Utf8JsonReader(payload);
                    call.Request.ReadOutcome(ref reader, Json);
                }
                catch (Exception e)
                {
                    call.Request.TryFail(new InvalidOperationException(
                        $"The outcome of {call.Request.Method.DisplayName} on grain {call.GrainId} could not be read: {e.Message}", e));
                    return;
                }

                call.Request.CompleteCaller();
                break;
        }
    }

    private void OnRequest(SiloConnection connection, long id, ReadOnlySpan<byte> payload)
    {
        GrainRequest request;
        GrainId grainId;
        try
        {
            var reader = new FrameReader(payload);
            reader.ReadInt32();
            grainId = new GrainId(reader.ReadString(), reader.ReadString());
            var key = reader.ReadString();
            var method = _runtime.Interfaces.FindMethod(key)
                ?? throw new InvalidOperationException($"This silo does not know grain method '{key}': are all silos running the same build?");
            request = method.CreateRequest();
            var json = new Utf8JsonReader(reader.Rest);
            request.ReadArguments(ref json, Json);
        }
        catch (Exception e)
        {
            Reply(connection, id, null, e);
            return;
        }

        var done = request.PrepareCompletionTask();
        if (!IsSilo)
        {
            request.TryFail(new InvalidOperationException($"Member {_membership.Self?.Id} is a client: it runs no grains."));
        }
        else
        {
            Route(grainId, request, target: null, attempt: 0, _runtime.Deadline());
        }

        if (done.IsCompleted)
        {
            Reply(connection, id, request, done.Exception?.InnerException);
        }
        else
        {
            done.ContinueWith(static (task, state) =>
            {
                var (router, connection, id, request) = ((ClusterRouter, SiloConnection, long, GrainRequest))state!;
                router.Reply(connection, id, request, task.Exception?.InnerException);
            }, (this, connection, id, request), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Sends a call's outcome back: what the grain returned or threw, or why it never ran.</summary>
    private void Reply(SiloConnection connection, long id, GrainRequest? request, Exception? failure)
    {
        var buffer = new FrameBuffer(FrameKind.Response, id);
        try
        {
            WriteOutcome(buffer, request, failure);
        }
        catch (Exception e)
        {
            buffer = new FrameBuffer(FrameKind.Response, id);
            WriteOutcome(buffer, null, e);
        }

        connection.TrySend(buffer.ToFrame());
    }

    private void WriteOutcome(FrameBuffer buffer, GrainRequest? request, Exception? failure)
    {
        using var writer = new Utf8JsonWriter(buffer);
        if (request is not null && (failure is null || request.Error is not null))
        {
            request.WriteOutcome(writer, Json);
            return;
        }

        writer.WriteStartObject();
        writer.WritePropertyName("error");
        ExceptionCodec.Write(writer, failure ?? new InvalidOperationException("The call ended without an outcome."));
        writer.WriteEndObject();
    }
}
