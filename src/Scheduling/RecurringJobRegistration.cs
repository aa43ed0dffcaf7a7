using Hangfire;
using Microsoft.Extensions.Hosting;

namespace PlugInnan.Scheduling;

/// <summary>
/// Writes the schedules before this silo's Hangfire server starts (it is registered first), so the
/// server never fires a schedule the settings have since changed.
/// </summary>
internal sealed class RecurringJobRegistration(IRecurringJobManager jobs, SchedulingOptions options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        FollowUpSchedule.Register(jobs, options);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
