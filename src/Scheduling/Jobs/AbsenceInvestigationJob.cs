using System.ComponentModel;
using Hangfire;

namespace PlugInnan.Scheduling.Jobs;

/// <summary>Every morning: absence investigations to open, and opened ones not reported to the huvudman in time.</summary>
[DisableConcurrentExecution(JobPolicy.LockWaitSeconds)]
[AutomaticRetry(Attempts = JobPolicy.Retries, DelaysInSeconds = [60, 300, 900], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class AbsenceInvestigationJob(FollowUpSweep sweep)
{
    public const string Id = "absence-investigation";

    /// <summary>The method stored jobs name: keep its name and signature.</summary>
    [DisplayName("Frånvaroutredningar")]
    public Task<SweepReport> RunAsync(CancellationToken cancellationToken) => sweep.AbsenceInvestigationsAsync(cancellationToken);
}
