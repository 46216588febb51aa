using System.Diagnostics;
using System.Diagnostics.Metrics;
using Classroom.Runtime.Scheduling;

namespace Classroom.Runtime.Diagnostics;

/// <summary>
/// The runtime's instruments, on the meter <c>Classroom.Runtime</c>: activations, calls (a counter: tools derive
/// calls/s), call duration, calls queued in inboxes and call timeouts.
/// </summary>
internal sealed class RuntimeMetrics : IDisposable
{
    public const string MeterName = "Classroom.Runtime";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _calls;
    private readonly Counter<long> _timeouts;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _activationsCreated;
    private long _queued;

    public RuntimeMetrics()
    {
        _calls = _meter.CreateCounter<long>("classroom.runtime.calls", "{call}", "Grain calls completed.");
        _timeouts = _meter.CreateCounter<long>("classroom.runtime.call.timeouts", "{call}", "Grain calls that timed out.");
        _activationsCreated = _meter.CreateCounter<long>("classroom.runtime.activations.created", "{activation}", "Activations created.");
        _duration = _meter.CreateHistogram<double>("classroom.runtime.call.duration", "ms", "Time from sending a grain call to its completion.");
        _meter.CreateObservableUpDownCounter("classroom.runtime.queue.length", () => Volatile.Read(ref _queued), "{call}",
            "Grain calls waiting in activation inboxes.");
    }

    public Meter Meter => _meter;

    /// <summary>True while someone listens to call duration: only then is a timestamp taken per call.</summary>
    public bool MeasuresLatency => _duration.Enabled;

    public void ObserveActivations(Func<int> count) =>
        _meter.CreateObservableUpDownCounter("classroom.runtime.activations", count, "{activation}", "Live grain activations.");

    public void Queued(int delta) => Interlocked.Add(ref _queued, delta);

    public void CallCompleted(Message message)
    {
        if (message.Pinned)
        {
            return;
        }

        _calls.Add(1);
        if (message.SentTicks != 0)
        {
            _duration.Record(Stopwatch.GetElapsedTime(message.SentTicks).TotalMilliseconds);
        }
    }

    public void CallTimedOut() => _timeouts.Add(1);

    public void ActivationAdded() => _activationsCreated.Add(1);

    public void Dispose() => _meter.Dispose();
}
