using System.ComponentModel;
using Hangfire;

namespace PlugInnan.Scheduling.Jobs;

/// <summary>Every morning before the checks: every student re-reports to its school as of today.</summary>
[DisableConcurrentExecution(JobPolicy.LockWaitSeconds)]
[AutomaticRetry(Attempts = JobPolicy.Retries, DelaysInSeconds = [60, 300, 900], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class RosterRefreshJob(FollowUpSweep sweep)
{
    public const string Id = "roster-refresh";

    /// <summary>The method stored jobs name: keep its name and signature.</summary>
    [DisplayName("Elevlistor uppdateras")]
    public Task<SweepReport> RunAsync(CancellationToken cancellationToken) => sweep.RefreshRostersAsync(cancellationToken);
}
