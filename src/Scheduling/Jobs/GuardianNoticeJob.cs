using System.ComponentModel;
using Hangfire;

namespace PlugInnan.Scheduling.Jobs;

/// <summary>Through the school day: same-day guardian notices, for schools whose cut-off time has passed.</summary>
[DisableConcurrentExecution(JobPolicy.LockWaitSeconds)]
[AutomaticRetry(Attempts = JobPolicy.Retries, DelaysInSeconds = [60, 300, 900], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class GuardianNoticeJob(FollowUpSweep sweep)
{
    public const string Id = "guardian-notice";

    /// <summary>The method stored jobs name: keep its name and signature.</summary>
    [DisplayName("Samma-dag-besked till vårdnadshavare")]
    public Task<SweepReport> RunAsync(CancellationToken cancellationToken) => sweep.GuardianNoticesAsync(cancellationToken);
}
