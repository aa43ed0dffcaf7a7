using Quartz;

namespace PlugInnan.Scheduling;

/// <summary>Every morning: absence investigations, their reports, intervention follow-ups and the year 6→7 transition.</summary>
[DisallowConcurrentExecution]
public sealed class DailyFollowUpJob(FollowUpSweep sweep) : IJob
{
    public static readonly JobKey Key = new("daily-follow-up", "follow-up");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = await sweep.DailyAsync(cancellationToken);
}
