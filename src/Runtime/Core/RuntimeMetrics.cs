using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PlugInnan.Runtime.Core;

/// <summary>The runtime's instruments, on the meter <see cref="MeterName"/>.</summary>
internal sealed class RuntimeMetrics
{
    public const string MeterName = "PlugInnan.Runtime";

    private readonly Counter<long> calls;
    private readonly Counter<long> rejected;
    private readonly Counter<long> activationFailures;
    private readonly Histogram<double> callDuration;

    public RuntimeMetrics(IMeterFactory meterFactory, Func<long> activations, Func<long> queued)
    {
        var meter = meterFactory.Create(MeterName); // owned and disposed by the factory
        calls = meter.CreateCounter<long>("pluginnan.runtime.calls", "{call}", "Grain calls made.");
        rejected = meter.CreateCounter<long>("pluginnan.runtime.calls.rejected", "{call}", "Calls rejected because a grain's queue was full.");
        activationFailures = meter.CreateCounter<long>("pluginnan.runtime.activation.failures", "{activation}", "Activations that failed.");
        callDuration = meter.CreateHistogram<double>("pluginnan.runtime.call.duration", "ms", "Time from call to answer.");
        meter.CreateObservableUpDownCounter("pluginnan.runtime.activations", activations, "{activation}", "Live activations.");
        meter.CreateObservableGauge("pluginnan.runtime.queue.length", queued, "{call}", "Calls waiting in activation queues.");
    }

    /// <summary>Counts a call; returns a start timestamp when durations are being listened to, else 0.</summary>
    public long CallStarted(string grainType)
    {
        calls.Add(1, new KeyValuePair<string, object?>("grain.type", grainType));
        return callDuration.Enabled ? Stopwatch.GetTimestamp() : 0;
    }

    public void CallEnded(long startTimestamp)
    {
        if (startTimestamp != 0)
        {
            callDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);
        }
    }

    public void CallRejected() => rejected.Add(1);

    public void ActivationFailed() => activationFailures.Add(1);
}
