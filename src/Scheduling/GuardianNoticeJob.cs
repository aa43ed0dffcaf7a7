using Quartz;

namespace PlugInnan.Scheduling;

/// <summary>Through the school day: absences without a valid reason that no guardian heard of by the school's cut-off time.</summary>
[DisallowConcurrentExecution]
public sealed class GuardianNoticeJob(FollowUpSweep sweep) : IJob
{
    public static readonly JobKey Key = new("guardian-notice", "follow-up");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = await sweep.GuardianNoticesAsync(cancellationToken);
}
