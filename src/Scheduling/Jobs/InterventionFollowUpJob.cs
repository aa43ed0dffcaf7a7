using System.ComponentModel;
using Hangfire;

namespace PlugInnan.Scheduling.Jobs;

/// <summary>Every morning: interventions whose follow-up date has come, and those five school days past it.</summary>
[DisableConcurrentExecution(JobPolicy.LockWaitSeconds)]
[AutomaticRetry(Attempts = JobPolicy.Retries, DelaysInSeconds = [60, 300, 900], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class InterventionFollowUpJob(FollowUpSweep sweep)
{
    public const string Id = "intervention-follow-up";

    /// <summary>The method stored jobs name: keep its name and signature.</summary>
    [DisplayName("Uppföljning av insatser")]
    public Task<SweepReport> RunAsync(CancellationToken cancellationToken) => sweep.InterventionFollowUpsAsync(cancellationToken);
}
