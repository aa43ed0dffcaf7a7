using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PlugInnan.Grains;
using PlugInnan.Grains.Rules;
using PlugInnan.Persistence;
using PlugInnan.TestSupport;
using Quartz;
using static PlugInnan.Scheduling.Tests.SwedishClock;

namespace PlugInnan.Scheduling.Tests;

/// <summary>Firings missed while no silo ran are caught up once at the next start, then the schedule goes on.</summary>
public sealed class MisfireTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pluginnan-misfire-").FullName;
    private readonly ManualTimeProvider clock = new(At(new DateOnly(2026, 11, 16), 5, 30)); // Monday, the daily run is due

    private string ConnectionString => $"Data Source={Path.Combine(folder, "grains.db")}";

    [Fact]
    public async Task Runs_missed_while_no_silo_ran_are_caught_up_once_when_one_comes_back()
    {
        var runs = new ConcurrentBag<DateTimeOffset>();
        await using (var first = await StartAsync(new RunRecorder(runs)))
        {
            await WaitForAsync(() => !runs.IsEmpty); // Monday's run
        }

        clock.Set(At(new DateOnly(2026, 11, 18), 7, 0)); // down over Tuesday's and Wednesday's 05:30
        runs.Clear();
        await using var second = await StartAsync(new RunRecorder(runs));
        await WaitForAsync(() => !runs.IsEmpty);
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for a second catch-up run, were there one
        var trigger = await (await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).GetTrigger(new TriggerKey("intervention-follow-up-schedule", "follow-up"));

        Assert.Single(runs);
        Assert.Equal(At(new DateOnly(2026, 11, 19), 5, 30), trigger!.NextFireTimeUtc); // and the schedule goes on
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), "the job did not run within 20 s");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private Task<TestSilo> StartAsync(IJobListener listener) => TestSilo.StartAsync(
        new StorageSettings { Provider = StorageProvider.Sqlite, ConnectionString = ConnectionString },
        schoolTime: clock,
        configureServices: services =>
        {
            services.AddSingleton<TimeProvider>(clock); // Quartz reads its clock from the container
            services.AddFollowUpScheduling(SchedulerStore.Sqlite, ConnectionString, Schedules.NeverRun(o => o.InterventionFollowUpCron = "0 30 5 * * ?"));
            services.AddQuartz(quartz => quartz.AddJobListener(listener, [Matchers.Key(InterventionFollowUpJob.Key)]));
        });

    private sealed class RunRecorder(ConcurrentBag<DateTimeOffset> runs) : IJobListener
    {
        public string Name => "misfire-recorder";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            runs.Add(context.FireTimeUtc);
            return ValueTask.CompletedTask;
        }

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
