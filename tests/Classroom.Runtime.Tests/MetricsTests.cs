using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Classroom.Runtime.Tests.Fixtures;
using Classroom.Runtime.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Runtime.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task The_runtime_reports_calls_latency_activations_and_queue_length()
    {
        var (cluster, _) = await RuntimeTestCluster.StartAsync();
        await using var __ = cluster;
        var meter = cluster.Services.GetRequiredService<GrainRuntime>().Metrics.Meter;
        var measurements = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measurements.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => measurements[instrument.Name] = value);
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => measurements.AddOrUpdate(instrument.Name + ".count", 1, (_, n) => n + 1));
        listener.Start();

        for (var i = 0; i < 10; i++)
        {
            await cluster.Client.GetGrain<ICounterGrain>("metrics-" + (i % 3)).IncrementAsync();
        }

        listener.RecordObservableInstruments();

        Assert.Equal(10, measurements["classroom.runtime.calls"]);
        Assert.Equal(10, measurements["classroom.runtime.call.duration.count"]);
        Assert.Equal(3, measurements["classroom.runtime.activations"]);
        Assert.Equal(3, measurements["classroom.runtime.activations.created"]);
        Assert.Equal(0, measurements["classroom.runtime.queue.length"]);
    }
}
