using Quartz;

namespace PlugInnan.Scheduling;

/// <summary>Once a year in the summer break: year levels up one, year-9 leavers archived, old leavers erased.</summary>
[DisallowConcurrentExecution]
public sealed class SchoolYearRolloverJob(FollowUpSweep sweep) : IJob
{
    public static readonly JobKey Key = new("school-year-rollover", "follow-up");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = await sweep.RolloverAsync(cancellationToken);
}
