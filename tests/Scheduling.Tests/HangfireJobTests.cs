using System.Globalization;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using PlugInnan.Grains;
using PlugInnan.Grains.Rules;
using PlugInnan.Scheduling.Jobs;
using static PlugInnan.Scheduling.Tests.SwedishClock;

namespace PlugInnan.Scheduling.Tests;

/// <summary>The jobs through Hangfire itself, on its PostgreSQL and its SQLite storage.</summary>
public sealed class HangfireJobTests
{
    [Theory]
    [InlineData(Backend.Sqlite)]
    [InlineData(Backend.PostgreSql)]
    public async Task The_intervention_job_runs_through_Hangfire_and_the_schedules_survive_a_restart(Backend kind)
    {
        await using var backend = await JobBackend.StartAsync(kind);
        var today = SwedishTime.Today(TimeProvider.System);
        await using (var silo = await backend.StartSiloAsync(new SchedulingOptions()))
        {
            await silo.GrainFactory.GetGrain<ISchoolGrain>("11111111").Configure(new SchoolProfile("A-skolan", "1442", "Vara", "Vara kommun"));
            await silo.GrainFactory.GetGrain<IRegistryGrain>(Registries.Schools).Put(new RegistryEntry("11111111", "A-skolan", "Vara"));
            var student = silo.GrainFactory.GetGrain<IStudentGrain>("s1");
            await student.Enroll(new("11111111", 8, "8A", "mentor", today.AddDays(-90), null, SecurityMarking.None));
            await student.RecordIntervention(new("iv_1", PreventionLevel.Targeted, DevelopmentArea.TeachingQuality, [], "Läsgrupp", "mentor", today.AddDays(-10), today, InterventionStatus.Active));

            silo.Services.GetRequiredService<IRecurringJobManager>().Trigger(InterventionFollowUpJob.Id);

            var followUps = silo.GrainFactory.GetGrain<IFollowUpGrain>("11111111");
            IReadOnlyList<FollowUpTask> tasks = [];
            await JobRuns.WaitForAsync(() => (tasks = followUps.List(new FollowUpFilter()).GetAwaiter().GetResult()).Count > 0, "the triggered run raised its task");
            Assert.Equal("intervention-follow-up:s1:iv_1:" + today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Assert.Single(tasks).Id);
        }

        await using var restarted = await backend.StartSiloAsync(new SchedulingOptions());
        var storage = restarted.Services.GetRequiredService<JobStorage>();
        using var connection = storage.GetConnection();
        var schedules = connection.GetRecurringJobs();
        var followUp = schedules.Single(j => j.Id == InterventionFollowUpJob.Id);

        Assert.Equal(FollowUpSchedule.Ids.Order(), schedules.Select(j => j.Id).Order()); // one each, not added again
        Assert.Equal(("35 5 * * *", "Europe/Stockholm"), (followUp.Cron, followUp.TimeZoneId));
        Assert.Equal(NextSwedish(5, 35), new DateTimeOffset(followUp.NextExecution!.Value, TimeSpan.Zero));
        Assert.False(string.IsNullOrEmpty(followUp.LastJobId)); // the triggered run is remembered across the restart
        Assert.Equal(1, JobRuns.Succeeded(storage, typeof(InterventionFollowUpJob)));
        Assert.All(schedules, s =>
        {
            // Stored jobs name a method that takes nothing personal: the cancellation token only.
            Assert.Equal("RunAsync", s.Job.Method.Name);
            Assert.All(s.Job.Method.GetParameters(), p => Assert.Equal(typeof(CancellationToken), p.ParameterType));
            // No run of the same job at once, and a failed run tried again three times, later each time.
            Assert.Single(s.Job.Type.GetCustomAttributes(typeof(DisableConcurrentExecutionAttribute), inherit: true));
            var retry = Assert.IsType<AutomaticRetryAttribute>(Assert.Single(s.Job.Type.GetCustomAttributes(typeof(AutomaticRetryAttribute), inherit: true)));
            Assert.Equal(3, retry.Attempts);
            Assert.Equal([60, 300, 900], retry.DelaysInSeconds);
        });
    }

    /// <summary>The next instant at hour:minute Swedish time.</summary>
    private static DateTimeOffset NextSwedish(int hour, int minute)
    {
        var today = SwedishTime.Today(TimeProvider.System);
        var at = At(today, hour, minute);
        return at > DateTimeOffset.UtcNow ? at : At(today.AddDays(1), hour, minute);
    }
}
