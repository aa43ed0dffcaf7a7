using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Hangfire.Logging;
using Microsoft.Extensions.DependencyInjection;
using PlugInnan.Grains.Rules;
using PlugInnan.Scheduling.Jobs;

namespace PlugInnan.Scheduling.Tests;

/// <summary>Firings missed while no silo ran are caught up once at the next start, then the schedule goes on.</summary>
public sealed class MisfireTests
{
    [Theory]
    [InlineData(Backend.Sqlite)]
    [InlineData(Backend.PostgreSql)]
    public async Task Firings_missed_while_no_silo_ran_are_caught_up_once_when_one_comes_back(Backend kind)
    {
        await using var backend = await JobBackend.StartAsync(kind);
        var (cron, first, last) = await FiringsSoonAsync();
        var options = Schedules.NeverRun(o => o.InterventionFollowUpCron = cron);

        // What a silo leaves behind when it stops: the schedules, and no server to fire them. (Hangfire's
        // log provider is process-wide and may still be a stopped test silo's; this storage logs nowhere.)
        LogProvider.SetCurrentLogProvider(null);
        var stored = JobStorages.Create(backend.Jobs, Schedules.Fast(options));
        FollowUpSchedule.Register(new RecurringJobManager(stored, JobFilterProviders.Providers, new SwedishTimeZoneResolver()), options);
        (stored as IDisposable)?.Dispose();
        await Task.Delay(last - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1)); // down over every firing of the day

        await using var silo = await backend.StartSiloAsync(options);
        var storage = silo.Services.GetRequiredService<JobStorage>();
        await JobRuns.WaitForAsync(() => JobRuns.Succeeded(storage, typeof(InterventionFollowUpJob)) > 0, "the missed firings were caught up");
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for a second catch-up run, were there one

        Assert.Equal(1, JobRuns.Count(storage, typeof(InterventionFollowUpJob)));
        var next = JobRuns.Recurring(storage, InterventionFollowUpJob.Id).NextExecution!.Value;
        Assert.Equal(first.AddDays(1), new DateTimeOffset(next, TimeSpan.Zero)); // and the schedule goes on: the same time tomorrow
    }

    /// <summary>
    /// A 6-field cron (seconds first) firing four times, one second apart, starting two seconds from now,
    /// within one minute of Swedish time; the first and last firing.
    /// </summary>
    private static async Task<(string Cron, DateTimeOffset First, DateTimeOffset Last)> FiringsSoonAsync()
    {
        var local = SwedishTime.Local(DateTimeOffset.UtcNow);
        if (local.Second > 52)
        {
            await Task.Delay(TimeSpan.FromSeconds(61 - local.Second)); // into the next minute
            local = SwedishTime.Local(DateTimeOffset.UtcNow);
        }

        var start = local.Second + 2;
        var cron = string.Create(CultureInfo.InvariantCulture, $"{start}-{start + 3} {local.Minute} {local.Hour} * * *");
        var first = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, start, DateTimeKind.Unspecified);
        var firstUtc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(first, SwedishTime.Zone), TimeSpan.Zero);
        return (cron, firstUtc, firstUtc.AddSeconds(3));
    }
}
