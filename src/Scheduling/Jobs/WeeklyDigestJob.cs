using System.ComponentModel;
using Hangfire;

namespace PlugInnan.Scheduling.Jobs;

/// <summary>Every Monday: each subproject records its weekly digest for its process leader.</summary>
[DisableConcurrentExecution(JobPolicy.LockWaitSeconds)]
[AutomaticRetry(Attempts = JobPolicy.Retries, DelaysInSeconds = [60, 300, 900], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class WeeklyDigestJob(FollowUpSweep sweep)
{
    public const string Id = "weekly-digest";

    /// <summary>The method stored jobs name: keep its name and signature.</summary>
    [DisplayName("Veckosammanställning per delprojekt")]
    public Task<int> RunAsync(CancellationToken cancellationToken) => sweep.DigestsAsync(cancellationToken);
}
