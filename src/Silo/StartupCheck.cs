using System.Reflection;
using Microsoft.Extensions.Options;
using PlugInnan.Grains;
using PlugInnan.Api.Hosting;
using PlugInnan.Silo.Settings;

namespace PlugInnan.Silo;

/// <summary>After storage and runtime have started: one real grain call with a state write; then reports the silo ready.</summary>
internal sealed partial class StartupCheck(
    IGrainFactory grains, IOptions<Orleans.Configuration.ClusterOptions> cluster, GrpcEndpointSettings endpoint, ILogger<StartupCheck> logger) : IHostedLifecycleService
{
    private StartupRecord? record;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var version = Assembly.GetExecutingAssembly().GetName().Version?.ToString() ?? "unknown";
        record = await grains.GetGrain<IStartupLogGrain>(Environment.MachineName).RecordStart(version).WaitAsync(cancellationToken);
    }

    /// <summary>Runs once every hosted service has started, the gRPC endpoint included: only then is the silo ready.</summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var scheme = string.IsNullOrEmpty(endpoint.CertificatePath) ? "h2c" : "TLS, ALPN h2";
        LogReady(logger, cluster.Value.ServiceId, record!.Starts, endpoint.Address, endpoint.Port, scheme);
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Plug Innan silo ready: service {ServiceId}, start number {Starts} on this database, gRPC on {Address}:{Port} ({Scheme}). Press Ctrl+C to stop.")]
    private static partial void LogReady(ILogger logger, string serviceId, int starts, string address, int port, string scheme);
}
