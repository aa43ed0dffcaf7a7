namespace PlugInnan.Scheduling.Jobs;

/// <summary>What every follow-up job shares: how long a run waits for the one before it, and how often a failed run is tried again.</summary>
internal static class JobPolicy
{
    /// <summary>A run finding the previous run of the same job still going waits this long, then fails and is retried.</summary>
    public const int LockWaitSeconds = 60;

    /// <summary>Tries after the first failure (after 1, 5 and 15 minutes); then the run stays failed in the dashboard until the next firing.</summary>
    public const int Retries = 3;
}
