using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using PlugInnan.Grains.Rules;
using PlugInnan.Scheduling.Jobs;
using static PlugInnan.Scheduling.Tests.SwedishClock;

namespace PlugInnan.Scheduling.Tests;

/// <summary>A cron changed in the settings replaces the stored schedule at the next start, without a run under the old one.</summary>
public sealed class ChangedScheduleTests
{
    [Theory]
    [InlineData(Backend.Sqlite)]
    [InlineData(Backend.PostgreSql)]
    public async Task A_changed_cron_takes_effect_at_the_next_start_without_an_extra_run(Backend kind)
    {
        await using var backend = await JobBackend.StartAsync(kind);
        await using (var silo = await backend.StartSiloAsync(Schedules.NeverRun(o => o.InterventionFollowUpCron = "* * * * * *"))) // every second
        {
            var running = silo.Services.GetRequiredService<JobStorage>();
            await JobRuns.WaitForAsync(() => JobRuns.Succeeded(running, typeof(InterventionFollowUpJob)) >= 2, "the every-second schedule ran twice");
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // firings of the old schedule missed while down
        await using var changed = await backend.StartSiloAsync(Schedules.NeverRun(o => o.InterventionFollowUpCron = "0 6 * * *"));
        var storage = changed.Services.GetRequiredService<JobStorage>();
        var before = JobRuns.Count(storage, typeof(InterventionFollowUpJob));
        await Task.Delay(TimeSpan.FromSeconds(3)); // room for a catch-up run under the old schedule, were there one

        var schedule = JobRuns.Recurring(storage, InterventionFollowUpJob.Id);
        Assert.Equal(before, JobRuns.Count(storage, typeof(InterventionFollowUpJob)));
        Assert.Equal("0 6 * * *", schedule.Cron);
        var today = SwedishTime.Today(TimeProvider.System);
        var six = At(today, 6, 0) > DateTimeOffset.UtcNow ? At(today, 6, 0) : At(today.AddDays(1), 6, 0);
        Assert.Equal(six, new DateTimeOffset(schedule.NextExecution!.Value, TimeSpan.Zero));
    }
}
