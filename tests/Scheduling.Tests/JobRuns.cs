using Hangfire;
using Hangfire.Storage;

namespace PlugInnan.Scheduling.Tests;

/// <summary>What Hangfire's storage says about a job's runs, read the way its dashboard reads them.</summary>
internal static class JobRuns
{
    /// <summary>Background jobs of <paramref name="jobType"/> created so far, whatever state they are in now.</summary>
    public static int Count(JobStorage storage, Type jobType)
    {
        var monitoring = storage.GetMonitoringApi();
        return monitoring.SucceededJobs(0, 1000).Count(j => j.Value.Job?.Type == jobType)
            + monitoring.ProcessingJobs(0, 1000).Count(j => j.Value.Job?.Type == jobType)
            + monitoring.EnqueuedJobs("default", 0, 1000).Count(j => j.Value.Job?.Type == jobType)
            + monitoring.FailedJobs(0, 1000).Count(j => j.Value.Job?.Type == jobType)
            + monitoring.ScheduledJobs(0, 1000).Count(j => j.Value.Job?.Type == jobType);
    }

    public static int Succeeded(JobStorage storage, Type jobType) =>
        storage.GetMonitoringApi().SucceededJobs(0, 1000).Count(j => j.Value.Job?.Type == jobType);

    public static RecurringJobDto Recurring(JobStorage storage, string id)
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().Single(j => j.Id == id);
    }

    public static async Task WaitForAsync(Func<bool> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), $"{what} within {seconds} s");
    }
}
