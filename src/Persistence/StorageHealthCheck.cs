using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PlugInnan.Persistence;

/// <summary>Healthy while the silo's database answers a trivial query; what gRPC health reports as SERVING.</summary>
internal sealed class StorageHealthCheck(StorageDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{database.Location} answers.");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The exception stays with the health report for the log; its text may name hosts, never passwords.
            return HealthCheckResult.Unhealthy($"{database.Location} does not answer ({e.GetType().Name}).", e);
        }
    }
}
