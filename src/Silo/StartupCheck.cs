using System.Reflection;
using Microsoft.Extensions.Options;
using PlugInnan.Grains;
using PlugInnan.Runtime;

namespace PlugInnan.Silo;

/// <summary>Runs after storage and runtime have started: one real grain call with a state write.</summary>
internal sealed partial class StartupCheck(IGrainFactory grains, IOptions<ClusterOptions> cluster, ILogger<StartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var version = Assembly.GetExecutingAssembly().GetName().Version?.ToString() ?? "unknown";
        var record = await grains.GetGrain<IStartupLogGrain>(Environment.MachineName).RecordStart(version).WaitAsync(cancellationToken);
        LogReady(logger, cluster.Value.ServiceId, record.Starts);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Plug Innan silo ready: service {ServiceId}, start number {Starts} on this database. Press Ctrl+C to stop.")]
    private static partial void LogReady(ILogger logger, string serviceId, int starts);
}
