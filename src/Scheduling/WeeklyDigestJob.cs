using Quartz;

namespace PlugInnan.Scheduling;

/// <summary>Every Monday morning: each subproject's digest for its process leader (figures only, small groups suppressed).</summary>
[DisallowConcurrentExecution]
public sealed class WeeklyDigestJob(FollowUpSweep sweep) : IJob
{
    public static readonly JobKey Key = new("weekly-digest", "follow-up");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = await sweep.DigestsAsync(cancellationToken);
}
