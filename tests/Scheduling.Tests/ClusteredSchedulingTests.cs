using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PlugInnan.Grains;
using PlugInnan.Persistence;
using PlugInnan.TestSupport;
using Quartz;

namespace PlugInnan.Scheduling.Tests;

/// <summary>Two silos sharing one PostgreSQL database: Quartz clustering runs each firing of a job once between them.</summary>
public sealed class ClusteredSchedulingTests : IAsyncLifetime
{
    private PostgresServer? server;
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        server = await PostgresServer.StartAsync();
        connectionString = await server.CreateDatabaseAsync("cluster");
    }

    [Fact]
    public async Task Each_firing_of_a_job_runs_on_one_silo_only()
    {
        var runs = new ConcurrentBag<(string Silo, DateTimeOffset Firing)>();
        await using var first = await StartAsync();
        await using var second = await StartAsync();
        foreach (var (silo, name) in new[] { (first, "first"), (second, "second") })
        {
            var scheduler = await silo.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            scheduler.ListenerManager.AddJobListener(new RunRecorder(name, runs), [Matchers.Key(InterventionFollowUpJob.Key)]);
        }

        await Task.Delay(TimeSpan.FromSeconds(9));

        var firings = runs.GroupBy(r => r.Firing).ToList();
        Assert.True(firings.Count >= 3, $"expected a firing every 2 s, saw {firings.Count}");
        Assert.All(firings, f => Assert.Single(f)); // no firing ran twice
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private Task<TestSilo> StartAsync() => TestSilo.StartAsync(
        new StorageSettings { Provider = StorageProvider.PostgreSql, ConnectionString = connectionString },
        configureServices: services => services.AddFollowUpScheduling(
            SchedulerStore.PostgreSql, connectionString, Schedules.NeverRun(o => o.InterventionFollowUpCron = "0/2 * * * * ?")));

    private sealed class RunRecorder(string silo, ConcurrentBag<(string, DateTimeOffset)> runs) : IJobListener
    {
        public string Name => $"recorder-{silo}";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            runs.Add((silo, context.ScheduledFireTimeUtc ?? context.FireTimeUtc));
            return ValueTask.CompletedTask;
        }

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
