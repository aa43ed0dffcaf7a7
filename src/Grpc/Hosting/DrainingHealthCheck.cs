using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace PlugInnan.Api.Hosting;

/// <summary>Unhealthy from the moment the silo starts stopping, so grpc.health.v1 says NOT_SERVING while it drains.</summary>
internal sealed class DrainingHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("The silo is stopping.")
            : HealthCheckResult.Healthy());
}
