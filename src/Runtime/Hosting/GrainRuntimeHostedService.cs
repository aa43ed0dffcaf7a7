using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PlugInnan.Runtime.Core;

namespace PlugInnan.Runtime;

/// <summary>Starts idle collection with the host and, on shutdown, drains and deactivates every grain.</summary>
internal sealed class GrainRuntimeHostedService(GrainRuntime runtime, ILogger<GrainRuntimeHostedService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var count = runtime.ActivationCount;
        await runtime.StopAsync(cancellationToken);
        RuntimeLog.Stopped(logger, count);
    }
}
