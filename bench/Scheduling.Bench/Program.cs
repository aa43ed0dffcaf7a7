using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PlugInnan.Grains;
using PlugInnan.Grains.Rules;
using PlugInnan.Persistence;
using PlugInnan.Scheduling;
using PlugInnan.TestSupport;

// How long each follow-up job takes for a school population, on PostgreSQL (fsync on) and SQLite:
// the students are set up through the grains (a month of lessons, some absence, interventions), then
// each job's work runs the way its Quartz job runs it, first on a cold silo (every grain loaded from
// storage) and again warm.
// A weekday afternoon after the schools' guardian-notice cut-off, so every job has work to do.
var clock = new ManualTimeProvider(LastWeekdayAt(16, 30));
var students = Option("--students", 10_000);
var schools = Option("--schools", 20);
Console.WriteLine($"Plug Innan follow-up jobs: {Environment.ProcessorCount} cores, {students:N0} students at {schools} schools");

await using (var server = await PostgresServer.StartAsync(durable: true))
{
    var connectionString = await server.CreateDatabaseAsync("jobs");
    await MeasureAsync("postgresql", new StorageSettings { Provider = StorageProvider.PostgreSql, ConnectionString = connectionString });
}

var folder = Directory.CreateTempSubdirectory("pluginnan-jobs-").FullName;
await MeasureAsync("sqlite", new StorageSettings { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "jobs.db")}" });
Directory.Delete(folder, recursive: true);

async Task MeasureAsync(string backend, StorageSettings storage)
{
    await using (var silo = await StartAsync(storage))
    {
        var watch = Stopwatch.StartNew();
        await SetUpAsync(silo.GrainFactory);
        Console.WriteLine($"{backend,-10} set up {students:N0} students with a month of lessons in {watch.Elapsed.TotalSeconds:N1} s");
    }

    await using var cold = await StartAsync(storage);
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
    var rollover = await sweep.RolloverAsync(CancellationToken.None);
    Console.WriteLine($"{backend,-10} school-year rollover: {rollover.Elapsed.TotalSeconds:N2} s for {rollover.Students:N0} students at {rollover.Schools} schools, {rollover.Leavers:N0} year-9 leavers archived");
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

    var days = Enumerable.Range(0, 28).Select(d => today.AddDays(-d)).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
    await Parallel.ForEachAsync(Enumerable.Range(0, students), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
    {
        var student = grains.GetGrain<IStudentGrain>($"bench-{i:x8}");
        var school = (80_000_000 + (i % schools)).ToString(CultureInfo.InvariantCulture);
        await student.Enroll(new Enrolment(school, 5 + (i % 5), null, null, today.AddDays(-100), null, SecurityMarking.None));
        var absentEvery = 5 + (i % 20); // some students miss a lot, most a little
        await student.RecordAttendance([.. days.SelectMany(d => Enumerable.Range(1, 6).Select(n =>
        {
            var absent = (d.DayNumber + n + i) % absentEvery == 0;
            return new LessonAttendance(d, $"L{n}", 60, absent ? 0 : 60, 0, absent ? 60 : 0);
        }))]);
        if (i % 10 == 0)
        {
            await student.RecordIntervention(new Intervention(
                "iv_1", PreventionLevel.Indicated, DevelopmentArea.Relationships, [], "Samtal", "mentor", today.AddDays(-30), today.AddDays(-(i % 20)), InterventionStatus.Active));
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
