using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Common;
using Hangfire.Logging;
using Hangfire.Storage;
using PlugInnan.Api.V1;
using PlugInnan.Scheduling;
using PlugInnan.Scheduling.Jobs;
using static PlugInnan.Api.Tests.Requests;

namespace PlugInnan.Api.Tests;

/// <summary>
/// Hangfire on two real silo processes sharing one PostgreSQL database: each firing of a schedule runs
/// once between them, and a run whose silo is killed with SIGKILL is run again by the other, with every
/// task still raised exactly once. Hangfire's own records are read the way its dashboard reads them.
/// </summary>
[Trait("Category", "Cluster")]
public sealed partial class ClusteredJobTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const string Never = "0 0 1 1 *";
    private const string RegionKey = "region-key";
    private ApiCluster? cluster;

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Each_firing_of_a_schedule_runs_once_between_the_two_silos()
    {
        cluster = await ApiCluster.StartAsync(Settings(interventionCron: "*/2 * * * * *"));
        await Task.Delay(TimeSpan.FromSeconds(12));

        var storage = Storage();
        var monitoring = storage.GetMonitoringApi();
        var runs = monitoring.SucceededJobs(0, 1000).Where(j => j.Value.Job?.Type == typeof(InterventionFollowUpJob)).Select(j => j.Key).ToList();
        using var connection = storage.GetConnection();
        var firings = runs.Select(id => connection.GetJobParameter(id, "Time")).ToList();
        var servers = runs.Select(id => monitoring.JobDetails(id).History.Single(h => h.StateName == "Processing").Data["ServerId"]).ToList();
        output.WriteLine($"{runs.Count} runs of {firings.Distinct().Count()} firings, on {string.Join(", ", servers.Distinct())}");

        Assert.True(runs.Count >= 4, $"expected a firing every 2 s, saw {runs.Count}");
        Assert.All(firings, f => Assert.False(string.IsNullOrEmpty(f)));
        Assert.Equal(runs.Count, firings.Distinct().Count()); // no firing was enqueued twice; Single above: none ran twice
    }

    [Fact]
    public async Task A_run_whose_silo_is_killed_is_run_again_by_the_other_and_each_task_is_raised_once()
    {
        const int schools = 120;
        var codes = Enumerable.Range(0, schools).Select(i => (72_000_000 + i).ToString(CultureInfo.InvariantCulture)).ToArray();
        cluster = await ApiCluster.StartAsync(Settings(interventionCron: Never, codes));
        foreach (var code in codes) // one by one: the job then sweeps the schools in this order
        {
            await cluster.CallAsync<RegisterSchoolRequest, RegisterSchoolResponse>(0, ApiSilo.AdminKey, Requests.Schools + "RegisterSchool", School(code));
        }

        await Parallel.ForEachAsync(codes.SelectMany(code => new[] { code, code }).Select((code, i) => (code, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (s, _) =>
        {
            var student = (await cluster.CallAsync<EnrollStudentRequest, EnrollStudentResponse>(s.i % 2, RegionKey, Students + "EnrollStudent", Enrol(NewCivicNo(), s.code))).StudentId;
            await cluster.CallAsync<CreateInterventionRequest, CreateInterventionResponse>(s.i % 2, RegionKey, Students + "CreateIntervention", new CreateInterventionRequest
            {
                RequestId = NewId(), Student = ById(student), Level = PreventionLevel.Targeted, Area = DevelopmentArea.TeachingQuality,
                Description = "Läsgrupp", Owner = "Mentor", StartDate = Date(Today.AddDays(-10)), FollowUpDate = Date(Today),
            });
        });

        // The schools keep their rosters' summaries written behind (within 2 s); a crash loses newer ones
        // until the nightly roster refresh. Let them be stored, so the run and its rerun see every student.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var storage = Storage();
        var monitoring = storage.GetMonitoringApi();
        new RecurringJobManager(storage, JobFilterProviders.Providers, new SwedishTimeZoneResolver()).Trigger(InterventionFollowUpJob.Id);

        // The moment the run has raised the first school's tasks, kill the silo running it.
        var (jobId, serverId) = await WaitAsync(() => monitoring.ProcessingJobs(0, 10).Where(j => j.Value.Job?.Type == typeof(InterventionFollowUpJob)).Select(j => (j.Key, j.Value.ServerId)).FirstOrDefault(), found => found.Key is not null, TimeSpan.FromMilliseconds(5));
        await WaitAsync(() => Raised(codes[0]), count => count > 0, TimeSpan.FromMilliseconds(5));
        var victim = Enumerable.Range(0, 2).Single(i => cluster.Silo(i).ProcessId == ProcessOf(serverId));
        await cluster.KillAsync(victim);
        Assert.NotEqual("Succeeded", monitoring.JobDetails(jobId).History[0].StateName); // killed in the middle, not after

        var history = await WaitAsync(() => monitoring.JobDetails(jobId).History, h => h[0].StateName == "Succeeded", TimeSpan.FromMilliseconds(500), seconds: 120);
        var processing = history.Where(h => h.StateName == "Processing").Select(h => h.Data["ServerId"]).Reverse().ToList();
        var report = JsonDocument.Parse(history[0].Data["Result"]).RootElement;
        var (due, added) = (report.GetProperty("TasksDue").GetInt32(), report.GetProperty("TasksAdded").GetInt32());
        output.WriteLine($"run {jobId}: processing on {string.Join(" then ", processing)}; the rerun found {due} due and added {added}");

        Assert.Equal(serverId, processing[0]);
        Assert.NotEqual(ProcessOf(serverId), ProcessOf(processing[^1])); // the rerun was the survivor's
        Assert.Equal(2 * schools, due);
        Assert.InRange(added, 1, due - 1); // the killed run had raised some, the rerun the rest
        var tasks = new List<FollowUp>();
        foreach (var code in codes)
        {
            tasks.AddRange((await cluster.CallAsync<ListFollowUpsRequest, ListFollowUpsResponse>(1 - victim, RegionKey, FollowUps + "ListFollowUps", new ListFollowUpsRequest { SchoolUnitCode = code, PageSize = 100 })).FollowUps);
        }

        Assert.Equal(2 * schools, tasks.Count(t => t.Kind == FollowUpKind.InterventionFollowUp));
        Assert.Equal(tasks.Count, tasks.Select(t => t.FollowUpId).Distinct().Count()); // each raised exactly once
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            foreach (var index in new[] { 0, 1 })
            {
                output.WriteLine($"--- silo {index} ---\n{cluster.OutputTail(index, lines: 80)}");
            }

            await cluster.DisposeAsync();
        }
    }

    /// <summary>Both silos run the jobs; every schedule off but the intervention follow-up's; a dead silo's run and lock are taken over quickly.</summary>
    private static Dictionary<string, string> Settings(string interventionCron, string[]? regionSchools = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Silo__Scheduling__Enabled"] = "true",
            ["Silo__Scheduling__InvisibilityTimeout"] = "00:00:15",
            ["Silo__Scheduling__LockTimeout"] = "00:00:05",
            ["Silo__Scheduling__InterventionFollowUpCron"] = interventionCron,
        };
        foreach (var job in new[] { "RosterRefresh", "AbsenceInvestigation", "TransitionCheck", "GuardianNotice", "Rollover", "WeeklyDigest", "RequestLogCleanup" })
        {
            settings[$"Silo__Scheduling__{job}Cron"] = Never;
        }

        ApiSilo.Client(settings, 5, "region", RegionKey, [Api.Access.ApiRole.SchoolSystem], schools: regionSchools ?? []);
        return settings;
    }

    /// <summary>Hangfire's storage in the cluster's database, as an operator's tool or the dashboard opens it.</summary>
    private JobStorage Storage()
    {
        LogProvider.SetCurrentLogProvider(null); // Hangfire's log provider is process-wide; this test's storage logs nowhere
        return JobStorages.Create(new JobStore.PostgreSql(cluster!.ConnectionString), new SchedulingOptions());
    }

    private int Raised(string school) =>
        cluster!.CallAsync<ListFollowUpsRequest, ListFollowUpsResponse>(0, RegionKey, FollowUps + "ListFollowUps", new ListFollowUpsRequest { SchoolUnitCode = school, PageSize = 100 })
            .GetAwaiter().GetResult().FollowUps.Count;

    /// <summary>The process id in a Hangfire server id (<c>pluginnan-{machine}:{pid}:{guid}</c>).</summary>
    private static int ProcessOf(string serverId) => int.Parse(ServerProcess().Match(serverId).Groups[1].Value, CultureInfo.InvariantCulture);

    private static async Task<T> WaitAsync<T>(Func<T> read, Func<T, bool> done, TimeSpan every, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"not within {seconds} s");
            await Task.Delay(every);
        }
    }

    [GeneratedRegex(@":(\d+):[^:]+$")]
    private static partial Regex ServerProcess();
}
