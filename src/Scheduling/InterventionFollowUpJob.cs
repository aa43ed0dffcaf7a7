using Quartz;

namespace PlugInnan.Scheduling;

/// <summary>Every morning: interventions whose follow-up date has come, and escalations five school days on.</summary>
[DisallowConcurrentExecution]
public sealed class InterventionFollowUpJob(FollowUpSweep sweep) : IJob
{
    public static readonly JobKey Key = new("intervention-follow-up", "follow-up");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = await sweep.InterventionFollowUpsAsync(cancellationToken);
}
