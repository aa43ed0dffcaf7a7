using System.ComponentModel;
using Hangfire;

namespace PlugInnan.Scheduling.Jobs;

/// <summary>In the summer break: every student moves up a year, year-9 leavers are archived, old leavers erased.</summary>
[DisableConcurrentExecution(JobPolicy.LockWaitSeconds)]
[AutomaticRetry(Attempts = JobPolicy.Retries, DelaysInSeconds = [60, 300, 900], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class SchoolYearRolloverJob(FollowUpSweep sweep)
{
    public const string Id = "school-year-rollover";

    /// <summary>The method stored jobs name: keep its name and signature.</summary>
    [DisplayName("Läsårsskifte")]
    public Task<RolloverReport> RunAsync(CancellationToken cancellationToken) => sweep.RolloverAsync(cancellationToken);
}
