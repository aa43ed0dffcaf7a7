using Quartz;

namespace PlugInnan.Scheduling;

/// <summary>Every morning before the checks: every student re-reports to its school as of today.</summary>
[DisallowConcurrentExecution]
public sealed class RosterRefreshJob(FollowUpSweep sweep) : IJob
{
    public static readonly JobKey Key = new("roster-refresh", "follow-up");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = await sweep.RefreshRostersAsync(cancellationToken);
}
