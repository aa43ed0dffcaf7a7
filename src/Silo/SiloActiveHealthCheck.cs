using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace PlugInnan.Silo;

/// <summary>Healthy while this silo is an active member of its cluster (not joining, shutting down or declared dead).</summary>
internal sealed class SiloActiveHealthCheck(ISiloStatusOracle membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(membership.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"The silo is {membership.CurrentStatus} in its cluster."));
}
