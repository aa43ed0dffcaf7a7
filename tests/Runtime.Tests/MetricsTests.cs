using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PlugInnan.Runtime.Tests.Grains;

namespace PlugInnan.Runtime.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task Runtime_reports_calls_activations_queue_length_and_call_duration()
    {
        await using var silo = await RuntimeSilo.StartAsync();
        var factory = silo.Services.GetRequiredService<IMeterFactory>();
        var measurements = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == "PlugInnan.Runtime")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, _, _) => measurements.AddOrUpdate(i.Name, value, (_, sum) => sum + value));
        listener.SetMeasurementEventCallback<double>((i, value, _, _) => measurements.AddOrUpdate(i.Name, 1, (_, n) => n + 1));
        listener.SetMeasurementEventCallback<int>((i, value, _, _) => measurements[i.Name] = value);
        listener.Start();

        var key = RuntimeSilo.NewKey();
        var gate = silo.GrainFactory.GetGrain<IGateGrain>(key);
        var waiting = Enumerable.Range(0, 3).Select(_ => gate.Wait()).ToList();
        await silo.GrainFactory.GetGrain<ICounterGrain>(RuntimeSilo.NewKey()).Increment();
        await RuntimeSilo.Eventually(() => GateGrain.Entered.GetValueOrDefault(key) == 1, "the first wait is running");
        listener.RecordObservableInstruments();
        var queuedWhileBlocked = measurements.GetValueOrDefault("pluginnan.runtime.queue.length");
        GateGrain.Gates[key].SetResult();
        await Task.WhenAll(waiting);
        listener.RecordObservableInstruments();

        Assert.Equal(4, measurements["pluginnan.runtime.calls"]);
        Assert.Equal(2, queuedWhileBlocked);
        Assert.True(measurements["pluginnan.runtime.activations"] >= 2);
        Assert.Equal(4, measurements["pluginnan.runtime.call.duration"]);
    }
}
