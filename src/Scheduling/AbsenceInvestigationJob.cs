using Quartz;

namespace PlugInnan.Scheduling;

/// <summary>Every morning: repeated or prolonged absence without an investigation, and investigations not reported in time (7 kap. 19 a §).</summary>
[DisallowConcurrentExecution]
public sealed class AbsenceInvestigationJob(FollowUpSweep sweep) : IJob
{
    public static readonly JobKey Key = new("absence-investigation", "follow-up");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = await sweep.AbsenceInvestigationsAsync(cancellationToken);
}
