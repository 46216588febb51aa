using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Classroom.Gateway.Tests.Fixtures;

/// <summary>Sums what the counters of one meter (one gateway's) record, by instrument and tags.</summary>
public sealed class CountedMetrics : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    public CountedMetrics(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.Start();
    }

    /// <summary>The sum of <paramref name="instrument"/>'s measurements that carry the tag.</summary>
    public long Total(string instrument, (string Key, string Value) tag) =>
        _measurements.Where(m => m.Instrument == instrument && m.Tags.Any(t => t.Key == tag.Key && Equals(t.Value, tag.Value))).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();
}
