using System.ComponentModel;
using Hangfire;

namespace PlugInnan.Scheduling.Jobs;

/// <summary>Every morning: the year 6 to 7 transition checks (handovers to send, missing and late).</summary>
[DisableConcurrentExecution(JobPolicy.LockWaitSeconds)]
[AutomaticRetry(Attempts = JobPolicy.Retries, DelaysInSeconds = [60, 300, 900], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class TransitionCheckJob(FollowUpSweep sweep)
{
    public const string Id = "transition-check";

    /// <summary>The method stored jobs name: keep its name and signature.</summary>
    [DisplayName("Övergång år 6–7")]
    public Task<SweepReport> RunAsync(CancellationToken cancellationToken) => sweep.TransitionChecksAsync(cancellationToken);
}
