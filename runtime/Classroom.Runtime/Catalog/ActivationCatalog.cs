using System.Collections.Concurrent;
using System.Diagnostics;
using Classroom.Runtime.Invocation;
using Classroom.Runtime.Scheduling;

namespace Classroom.Runtime.Catalog;

/// <summary>
/// The activations of a silo, one per grain identity, and the path of every call into them. A dictionary insert
/// decides which activation of a grain exists; losers of a race to create one are discarded before they run anything.
/// </summary>
internal sealed class ActivationCatalog(GrainRuntime runtime) : IGrainCallInvoker
{
    private readonly ConcurrentDictionary<GrainId, Activation> _activations = new();
    private volatile bool _closed;

    public int Count => _activations.Count;

    public ICollection<Activation> Activations => _activations.Values;

    public Activation? Find(GrainId grainId) => _activations.GetValueOrDefault(grainId);

    public bool IsClosed => _closed;

    /// <summary>Refuses every later call: the silo has stopped.</summary>
    public void Close() => _closed = true;

    public void Send(GrainReference target, GrainRequest request) => Send(target.GrainId, request, target);

    /// <summary>Delivers a call to the grain's activation here; <paramref name="target"/> (optional) caches the activation.</summary>
    public void Send(GrainId grainId, GrainRequest request, GrainReference? target)
    {
        if (_closed)
        {
            request.TryFail(new InvalidOperationException(
                $"The silo has stopped: {request.Method.DisplayName} to grain {grainId} cannot run. Get a new reference from a running client."));
            return;
        }

        if (runtime.Options.SerializeLocalCalls)
        {
            try
            {
                request = request.CopyThroughSerialization(runtime.Serializer.Options);
            }
            catch (Exception e)
            {
                request.TryFail(e);
                return;
            }
        }

        var message = new Message(grainId, request, runtime.Deadline());
        if (runtime.Metrics.MeasuresLatency)
        {
            message.SentTicks = Stopwatch.GetTimestamp();
        }

        Deliver(grainId, message, target);
    }

    /// <summary>Hands a message to the grain's activation, creating it if there is none.</summary>
    public void Deliver(GrainId grainId, Message message, GrainReference? target)
    {
        if (target?.CachedTarget is Activation cached && cached.TryEnqueue(message))
        {
            return;
        }

        var spin = new SpinWait();
        while (true)
        {
            if (!_activations.TryGetValue(grainId, out var activation))
            {
                var grainClass = runtime.Types.FindByName(grainId.Type);
                if (grainClass is null)
                {
                    message.Request.TryFail(new InvalidOperationException($"No grain class of type '{grainId.Type}' is hosted by this silo."));
                    return;
                }

                activation = _activations.GetOrAdd(grainId, static (id, state) => new Activation(id, state.grainClass, state.runtime), (grainClass, runtime));
            }

            if (activation.TryEnqueue(message))
            {
                if (target is not null)
                {
                    target.CachedTarget = activation;
                }

                return;
            }

            // The activation we found has just finished deactivating and is leaving the dictionary: look again.
            spin.SpinOnce();
        }
    }

    public void Remove(Activation activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, Activation>(activation.GrainId, activation));
}
