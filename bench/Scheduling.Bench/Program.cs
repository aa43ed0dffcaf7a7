using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PlugInnan.Grains;
using PlugInnan.Grains.Rules;
using PlugInnan.Persistence;
using Hangfire;
using PlugInnan.Scheduling;
using PlugInnan.Scheduling.Jobs;
using PlugInnan.TestSupport;

// How long each follow-up job takes for a school population, on PostgreSQL (fsync on) and SQLite:
// the students are set up through the grains (a month of lessons, some absence, interventions), then
// each job's work runs directly, first on a cold silo (every grain loaded from storage) and again warm;
// then each job runs through Hangfire (triggered, taken by the silo's Hangfire server, its run time
// read from Hangfire's own record) beside one more direct run of the same work, as a ratio.
// A weekday afternoon after the schools' guardian-notice cut-off, so every job has work to do.
const string Never = "0 0 1 1 *";
var clock = new ManualTimeProvider(LastWeekdayAt(16, 30));
var seen = new HashSet<string>();
var students = Option("--students", 10_000);
var schools = Option("--schools", 20);
Console.WriteLine($"Plug Innan follow-up jobs: {Environment.ProcessorCount} cores, {students:N0} students at {schools} schools");

await using (var server = await PostgresServer.StartAsync(durable: true))
{
    var connectionString = await server.CreateDatabaseAsync("jobs");
    await MeasureAsync("postgresql", new StorageSettings { Provider = StorageProvider.PostgreSql, ConnectionString = connectionString }, new JobStore.PostgreSql(connectionString));
}

var folder = Directory.CreateTempSubdirectory("pluginnan-jobs-").FullName;
await MeasureAsync(
    "sqlite", new StorageSettings { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "jobs.db")}" }, new JobStore.Sqlite(Path.Combine(folder, "jobs.jobs.db")));
Directory.Delete(folder, recursive: true);

async Task MeasureAsync(string backend, StorageSettings storage, JobStore jobStore)
{
    await using (var silo = await StartAsync(storage))
    {
        var watch = Stopwatch.StartNew();
        await SetUpAsync(silo.GrainFactory);
        Console.WriteLine($"{backend,-10} set up {students:N0} students with a month of lessons in {watch.Elapsed.TotalSeconds:N1} s");
    }

    var cold = await StartAsync(storage);
    var sweep = cold.Services.GetRequiredService<FollowUpSweep>();
    Report(backend, "roster refresh (cold: every student loaded and re-reported)", await sweep.RefreshRostersAsync(CancellationToken.None));
    Report(backend, "absence investigation", await sweep.AbsenceInvestigationsAsync(CancellationToken.None));
    Report(backend, "intervention follow-up", await sweep.InterventionFollowUpsAsync(CancellationToken.None));
    Report(backend, "transition checks", await sweep.TransitionChecksAsync(CancellationToken.None));
    Report(backend, "same-day guardian notice", await sweep.GuardianNoticesAsync(CancellationToken.None));
    Report(backend, "roster refresh (warm)", await sweep.RefreshRostersAsync(CancellationToken.None));
    Report(backend, "absence investigation (again: nothing new)", await sweep.AbsenceInvestigationsAsync(CancellationToken.None));
    var digests = Stopwatch.StartNew();
    var recorded = await sweep.DigestsAsync(CancellationToken.None);
    Console.WriteLine($"{backend,-10} weekly digest: {digests.Elapsed.TotalSeconds:N2} s for {recorded} subprojects (one school each)");
    await cold.DisposeAsync();
    await ThroughHangfireAsync(backend, storage, jobStore);

    await using var last = await StartAsync(storage);
    var rollover = await last.Services.GetRequiredService<FollowUpSweep>().RolloverAsync(CancellationToken.None);
    Console.WriteLine($"{backend,-10} school-year rollover: {rollover.Elapsed.TotalSeconds:N2} s for {rollover.Students:N0} students at {rollover.Schools} schools, {rollover.Leavers:N0} year-9 leavers archived");
}

// Each daily job (and the digest) triggered through Hangfire on a warm silo, after one direct run of the
// same work on the same silo: Hangfire's PerformanceDuration (the job method, as its dashboard shows it)
// against the direct run, and its Latency (queued to started; the poll interval decides most of it).
async Task ThroughHangfireAsync(string backend, StorageSettings storage, JobStore jobStore)
{
    var options = new SchedulingOptions
    {
        RosterRefreshCron = Never, AbsenceInvestigationCron = Never, InterventionFollowUpCron = Never, TransitionCheckCron = Never,
        GuardianNoticeCron = Never, RolloverCron = Never, WeeklyDigestCron = Never, RequestLogCleanupCron = Never,
        PollInterval = TimeSpan.FromMilliseconds(200),
    };
    await using var silo = await TestSilo.StartAsync(storage, schoolTime: clock, configureServices: services => services.AddFollowUpScheduling(jobStore, options));
    var sweep = silo.Services.GetRequiredService<FollowUpSweep>();
    var jobs = silo.Services.GetRequiredService<IRecurringJobManager>();
    var monitoring = silo.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
    var work = new (string Id, Func<Task> Direct)[]
    {
        (RosterRefreshJob.Id, () => sweep.RefreshRostersAsync(CancellationToken.None)),
        (AbsenceInvestigationJob.Id, () => sweep.AbsenceInvestigationsAsync(CancellationToken.None)),
        (InterventionFollowUpJob.Id, () => sweep.InterventionFollowUpsAsync(CancellationToken.None)),
        (TransitionCheckJob.Id, () => sweep.TransitionChecksAsync(CancellationToken.None)),
        (GuardianNoticeJob.Id, () => sweep.GuardianNoticesAsync(CancellationToken.None)),
        (WeeklyDigestJob.Id, () => sweep.DigestsAsync(CancellationToken.None)),
    };
    await sweep.RefreshRostersAsync(CancellationToken.None); // every student active on this silo first
    foreach (var (id, direct) in work)
    {
        var watch = Stopwatch.StartNew();
        await direct();
        var directMs = watch.Elapsed.TotalMilliseconds;
        jobs.Trigger(id);
        var succeeded = await SucceededAsync(monitoring, id);
        var performed = double.Parse(succeeded["PerformanceDuration"], CultureInfo.InvariantCulture);
        var latency = double.Parse(succeeded["Latency"], CultureInfo.InvariantCulture);
        Console.WriteLine($"{backend,-10} {id} through Hangfire: {performed / 1000:N2} s run ({performed / directMs:N2}× the direct run of {directMs / 1000:N2} s), {latency:N0} ms queued before it started");
    }
}

async Task<IDictionary<string, string>> SucceededAsync(Hangfire.Storage.IMonitoringApi monitoring, string recurringJobId)
{
    while (true)
    {
        // The newest succeeded run of this recurring job (its runs carry the recurring job's id).
        var found = monitoring.SucceededJobs(0, 50)
            .Select(j => monitoring.JobDetails(j.Key))
            .Where(d => d is not null)
            .FirstOrDefault(d => d.Properties.TryGetValue("RecurringJobId", out var rid) && rid.Trim('"') == recurringJobId && d.History[0].StateName == "Succeeded");
        if (found is not null && seen.Add(found.History[0].Data["SucceededAt"]))
        {
            return found.History[0].Data;
        }

        await Task.Delay(50);
    }
}

static void Report(string backend, string job, SweepReport report) =>
    Console.WriteLine($"{backend,-10} {job}: {report.Elapsed.TotalSeconds:N2} s for {report.Students:N0} students at {report.Schools} schools, {report.TasksDue:N0} tasks due, {report.TasksAdded:N0} new");

async Task SetUpAsync(IGrainFactory grains)
{
    var today = SwedishTime.Today(clock);
    var registry = grains.GetGrain<IRegistryGrain>(Registries.Schools);
    for (var s = 0; s < schools; s++)
    {
        var code = (80_000_000 + s).ToString(CultureInfo.InvariantCulture);
        await grains.GetGrain<ISchoolGrain>(code).Configure(new SchoolProfile($"Skola {s}", "1480", "Göteborg", "Göteborgs stad"));
        await registry.Put(new RegistryEntry(code, $"Skola {s}", "Göteborg"));
        await grains.GetGrain<ISubprojectGrain>($"bench-{s}").Define(new SubprojectDefinition($"Delprojekt {s}", "Göteborg", null, [new SubprojectSchool($"Skola {s}", code)], [], []));
        await grains.GetGrain<IRegistryGrain>(Registries.Subprojects).AddMissing([new RegistryEntry($"bench-{s}", $"Delprojekt {s}", "Göteborg")]);
    }

    var days = SyntheticRecords.Weekdays(today, 28);
    await Parallel.ForEachAsync(Enumerable.Range(0, students), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
    {
        var student = grains.GetGrain<IStudentGrain>($"bench-{i:x8}");
        var school = (80_000_000 + (i % schools)).ToString(CultureInfo.InvariantCulture);
        await student.Enroll(new Enrolment(school, 5 + (i % 5), null, null, today.AddDays(-100), null, SecurityMarking.None));
        await student.RecordAttendance(SyntheticRecords.Lessons(days, i));
        if (i % 10 == 0)
        {
            await student.RecordIntervention(SyntheticRecords.Intervention(today, i));
        }
    });
}

Task<TestSilo> StartAsync(StorageSettings storage) => TestSilo.StartAsync(
    storage, schoolTime: clock, configureServices: services => services.AddSingleton<FollowUpSweep>());

static DateTimeOffset LastWeekdayAt(int hour, int minute)
{
    var day = SwedishTime.Today(TimeProvider.System).AddDays(-1);
    while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || !SchoolCalendarRules.IsSchoolDay(SchoolCalendar.Empty, day))
    {
        day = day.AddDays(-1);
    }

    return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), SwedishTime.Zone), TimeSpan.Zero);
}

static int Option(string name, int fallback)
{
    var args = Environment.GetCommandLineArgs();
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
