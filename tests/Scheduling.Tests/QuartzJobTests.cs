using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PlugInnan.Grains;
using PlugInnan.Grains.Rules;
using PlugInnan.Persistence;
using PlugInnan.TestSupport;
using Quartz;

namespace PlugInnan.Scheduling.Tests;

/// <summary>The jobs through Quartz.NET itself, on its persistent job store in the grain storage's SQLite database.</summary>
public sealed class QuartzJobTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pluginnan-quartz-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(folder, "grains.db")}";

    [Fact]
    public async Task The_intervention_job_runs_through_the_scheduler_and_its_schedule_survives_a_restart()
    {
        await using (var silo = await StartAsync())
        {
            await silo.GrainFactory.GetGrain<ISchoolGrain>("11111111").Configure(new SchoolProfile("A-skolan", "1442", "Vara", "Vara kommun"));
            await silo.GrainFactory.GetGrain<IRegistryGrain>(Registries.Schools).Put(new RegistryEntry("11111111", "A-skolan", "Vara"));
            var student = silo.GrainFactory.GetGrain<IStudentGrain>("s1");
            var today = SwedishTime.Today(TimeProvider.System);
            await student.Enroll(new("11111111", 8, "8A", "mentor", today.AddDays(-90), null, SecurityMarking.None));
            await student.RecordIntervention(new("iv_1", PreventionLevel.Targeted, DevelopmentArea.TeachingQuality, [], "Läsgrupp", "mentor", today.AddDays(-10), today, InterventionStatus.Active));

            var scheduler = await silo.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.TriggerJob(InterventionFollowUpJob.Key);

            var tasks = await PollAsync(() => silo.GrainFactory.GetGrain<IFollowUpGrain>("11111111").List(new FollowUpFilter()));
            Assert.Equal("intervention-follow-up:s1:iv_1:" + today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Assert.Single(tasks).Id);
        }

        await using var restarted = await StartAsync();
        var again = await restarted.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var triggers = await again.GetTriggersOfJob(InterventionFollowUpJob.Key);
        Assert.Equal("0 35 5 * * ?", Assert.IsType<ICronTrigger>(Assert.Single(triggers), exactMatch: false).CronExpressionString);
        Assert.Equal(8, await CountAsync("SELECT count(*) FROM QRTZ_TRIGGERS")); // one per job, not added again
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<IReadOnlyList<FollowUpTask>> PollAsync(Func<Task<IReadOnlyList<FollowUpTask>>> read)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await read() is { Count: > 0 } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        return [];
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Task<TestSilo> StartAsync() => TestSilo.StartAsync(
        new StorageSettings { Provider = StorageProvider.Sqlite, ConnectionString = ConnectionString },
        configureServices: services => services.AddFollowUpScheduling(SchedulerStore.Sqlite, ConnectionString, new SchedulingOptions()));
}
