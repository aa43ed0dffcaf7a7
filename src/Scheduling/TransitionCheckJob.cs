using Quartz;

namespace PlugInnan.Scheduling;

/// <summary>Every morning: the year 6 to 7 handovers from May, and the first weeks in year 7 (3 kap. 12 j §).</summary>
[DisallowConcurrentExecution]
public sealed class TransitionCheckJob(FollowUpSweep sweep) : IJob
{
    public static readonly JobKey Key = new("transition-check", "follow-up");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = await sweep.TransitionChecksAsync(cancellationToken);
}
