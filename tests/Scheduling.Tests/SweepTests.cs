using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PlugInnan.Grains;
using PlugInnan.Grains.Rules;
using PlugInnan.Persistence;
using PlugInnan.TestSupport;
using static PlugInnan.Scheduling.Tests.SwedishClock;

namespace PlugInnan.Scheduling.Tests;

/// <summary>The workflows over the real grains and SQLite storage, on a clock the test sets.</summary>
public sealed class SweepTests : IDisposable
{
    private const string SchoolA = "11111111";
    private const string SchoolB = "22222222";
    private readonly string folder = Directory.CreateTempSubdirectory("pluginnan-sweep-").FullName;
    private readonly ManualTimeProvider clock = new(At(new DateOnly(2026, 11, 16), 5, 30)); // a Monday

    [Fact]
    public async Task A_daily_run_raises_each_task_once_however_often_it_runs()
    {
        await using var silo = await StartAsync();
        await SetUpAsync(silo);
        var sweep = silo.Services.GetRequiredService<FollowUpSweep>();

        var first = await sweep.DailyAsync(CancellationToken.None);
        var again = await sweep.DailyAsync(CancellationToken.None);
        var tasks = await silo.GrainFactory.GetGrain<IFollowUpGrain>(SchoolA).List(new FollowUpFilter());

        Assert.Equal((2, 3, 2), (first.Schools, first.Students, first.TasksAdded));
        Assert.Equal((first.TasksDue, 0), (again.TasksDue, again.TasksAdded));
        Assert.Equal([FollowUpKind.AbsenceInvestigation, FollowUpKind.InterventionFollowUp], tasks.Select(t => t.Kind).Order());
    }

    [Fact]
    public async Task The_days_moving_on_raise_what_becomes_due_and_closed_tasks_stay_closed()
    {
        await using var silo = await StartAsync();
        await SetUpAsync(silo);
        var sweep = silo.Services.GetRequiredService<FollowUpSweep>();
        var followUps = silo.GrainFactory.GetGrain<IFollowUpGrain>(SchoolA);
        await sweep.DailyAsync(CancellationToken.None);
        var reminder = (await followUps.List(new FollowUpFilter(Role: ResponsibleRole.InterventionOwner))).Single();
        await followUps.Complete(reminder.Id, "mentor-7a");

        clock.Set(At(new DateOnly(2026, 11, 24), 5, 30)); // six school days after the follow-up date
        var later = await sweep.DailyAsync(CancellationToken.None);
        var open = await followUps.List(new FollowUpFilter(Status: FollowUpStatus.Open));

        Assert.Equal(1, later.TasksAdded); // the escalation; the completed reminder is not raised again
        Assert.Contains(open, t => t.Kind == FollowUpKind.InterventionEscalation && t.Role == ResponsibleRole.Principal);
        Assert.Equal(FollowUpStatus.Done, (await followUps.List(new FollowUpFilter(Role: ResponsibleRole.InterventionOwner))).Single().Status);
    }

    [Fact]
    public async Task A_run_stopped_half_way_and_run_again_ends_as_one_whole_run_would()
    {
        await using (var silo = await StartAsync())
        {
            await SetUpAsync(silo);
        }

        int whole;
        await using (var reference = await StartAsync())
        {
            whole = (await reference.Services.GetRequiredService<FollowUpSweep>().DailyAsync(CancellationToken.None)).TasksAdded;
            await reference.GrainFactory.GetGrain<IFollowUpGrain>(SchoolA).List(new FollowUpFilter());
        }

        // The same again on a fresh copy of the set-up, but cut off after the first school.
        await using var stopped = await StartAsync(fresh: true);
        await SetUpAsync(stopped);
        using var cut = new CancellationTokenSource();
        var sweep = stopped.Services.GetRequiredService<FollowUpSweep>();
        var halfway = sweep.DailyAsync(cut.Token);
        cut.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => halfway);
        var rerun = await sweep.DailyAsync(CancellationToken.None);
        var all = (await stopped.GrainFactory.GetGrain<IFollowUpGrain>(SchoolA).List(new FollowUpFilter())).Count
            + (await stopped.GrainFactory.GetGrain<IFollowUpGrain>(SchoolB).List(new FollowUpFilter())).Count;

        Assert.Equal(whole, all);
        Assert.True(rerun.TasksAdded <= whole);
    }

    [Fact]
    public async Task Guardian_notices_wait_for_the_cut_off_and_a_contact_that_day_settles_them()
    {
        await using var silo = await StartAsync();
        await SetUpAsync(silo);
        var sweep = silo.Services.GetRequiredService<FollowUpSweep>();
        var student = silo.GrainFactory.GetGrain<IStudentGrain>("s-absent");
        clock.Set(At(new DateOnly(2026, 11, 16), 9, 0));
        await student.RecordAttendance([new(new DateOnly(2026, 11, 16), "EN-1", 60, 0, 0, 60)]);
        await silo.GrainFactory.GetGrain<IStudentGrain>("s-notified").RecordAttendance([new(new DateOnly(2026, 11, 16), "EN-1", 60, 0, 0, 60)]);
        await silo.GrainFactory.GetGrain<IStudentGrain>("s-notified").RecordGuardianContact(new("c1", new DateOnly(2026, 11, 16), ContactChannel.Phone, ContactReason.UnexcusedAbsence, ContactOutcome.Reached));

        var morning = await sweep.GuardianNoticesAsync(CancellationToken.None);
        clock.Set(At(new DateOnly(2026, 11, 16), 16, 15));
        var afternoon = await sweep.GuardianNoticesAsync(CancellationToken.None);

        Assert.Equal(0, morning.TasksDue);
        Assert.Equal(1, afternoon.TasksAdded);
        var notice = Assert.Single(await silo.GrainFactory.GetGrain<IFollowUpGrain>(SchoolA).List(new FollowUpFilter(Role: ResponsibleRole.Mentor)));
        Assert.Equal(("guardian-notice:s-absent:2026-11-16", new DateOnly(2026, 11, 16)), (notice.Id, notice.Due));
    }

    [Fact]
    public async Task The_rollover_moves_everyone_up_once_archives_year_9_and_erases_leavers_after_retention()
    {
        await using var silo = await StartAsync();
        var termStart = new DateOnly(2026, 8, 17);
        await silo.GrainFactory.GetGrain<ISchoolGrain>(SchoolA).Configure(new SchoolProfile("A-skolan", "1442", "Vara", "Vara kommun"));
        await silo.GrainFactory.GetGrain<IRegistryGrain>(Registries.Schools).Put(new RegistryEntry(SchoolA, "A-skolan", "Vara"));
        foreach (var (id, year) in new[] { ("y6", 6), ("y8", 8), ("y9", 9) })
        {
            await silo.GrainFactory.GetGrain<IStudentGrain>(id).Enroll(new(SchoolA, year, null, null, termStart, null, SecurityMarking.None));
        }

        await silo.GrainFactory.GetGrain<IStudentGrain>("y9").RecordGrades(
            [.. "SV EN MA BI FY KE GE HI".Split(' ').Select(s => new GradeEntry(s, new SchoolTerm(2027, Semester.Spring), "C", true, new(2027, 6, 10)))]);
        var sweep = silo.Services.GetRequiredService<FollowUpSweep>();
        var school = silo.GrainFactory.GetGrain<ISchoolGrain>(SchoolA);

        clock.Set(At(new DateOnly(2027, 7, 1), 3, 0));
        var first = await sweep.RolloverAsync(CancellationToken.None);
        var again = await sweep.RolloverAsync(CancellationToken.None);
        var roster = await school.GetRoster();
        var leaver = Assert.Single(await school.GetLeavers());

        Assert.Equal((3, 1, 0), (first.Students, first.Leavers, first.Erased));
        Assert.Equal((2, 0), (again.Students, again.Leavers)); // once a year: nobody moves up twice
        Assert.Equal([("y6", 7), ("y8", 9)], roster.Select(s => (s.StudentId, s.YearLevel)));
        Assert.Equal(("y9", true, 8 * 15.0, new DateOnly(2027, 6, 30)), (leaver.StudentId, leaver.EligibleVocational, leaver.MeritValue, leaver.LeftOn));
        var figures = await school.GetFigures();
        Assert.Equal((1, 1), (figures.Leavers, figures.LeaversEligibleVocational)); // the goal, as the subproject's figures carry it
        Assert.Null(ProgressRules.Value(ProgressMeasure.LeaverEligibility, figures)); // one leaver: too few to show outside the school

        clock.Set(At(new DateOnly(2028, 7, 1), 3, 0)); // a year on: the default retention (1 year) is over
        var next = await sweep.RolloverAsync(CancellationToken.None);

        Assert.Equal((1, 1), (next.Leavers, next.Erased)); // y8, now in year 9, leaves; y9 of 2027 is erased
        Assert.Null(await silo.GrainFactory.GetGrain<IStudentGrain>("y9").GetEnrolment());
        Assert.Equal(["y8"], (await school.GetLeavers()).Select(l => l.StudentId));
    }

    [Fact]
    public async Task Each_subproject_records_one_digest_a_week_with_small_groups_withheld()
    {
        await using var silo = await StartAsync();
        await SetUpAsync(silo);
        var subproject = silo.GrainFactory.GetGrain<ISubprojectGrain>("a-projekt");
        await subproject.Define(new SubprojectDefinition("A-projektet", "Vara", null, [new("A-skolan", SchoolA)], [DevelopmentArea.FollowUpOfRiskIndicators], []));
        await silo.GrainFactory.GetGrain<IRegistryGrain>(Registries.Subprojects).AddMissing([new RegistryEntry("a-projekt", "A-projektet", "Vara"), new RegistryEntry("undefined", "Odefinierat", "Vara")]);
        var sweep = silo.Services.GetRequiredService<FollowUpSweep>();

        var monday = await sweep.DigestsAsync(CancellationToken.None);
        clock.Set(At(new DateOnly(2026, 11, 18), 6, 0)); // the same week
        await sweep.DigestsAsync(CancellationToken.None);
        clock.Set(At(new DateOnly(2026, 11, 23), 6, 0)); // the next Monday
        await sweep.DigestsAsync(CancellationToken.None);
        var digests = await subproject.ListDigests();

        Assert.Equal(1, monday); // the undefined one has nothing to report
        Assert.Equal(["2026-W48", "2026-W47"], digests.Select(d => d.Week));
        Assert.Null(digests[0].Progress.StudentsPerRiskLevel.Total); // 2 students at the school: withheld
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Two schools: at A one student absent a lot and one with an intervention due today; at B one student with nothing due.</summary>
    private static async Task SetUpAsync(TestSilo silo)
    {
        var termStart = new DateOnly(2026, 8, 17);
        foreach (var (code, name) in new[] { (SchoolA, "A-skolan"), (SchoolB, "B-skolan") })
        {
            await silo.GrainFactory.GetGrain<ISchoolGrain>(code).Configure(new SchoolProfile(name, "1442", "Vara", "Vara kommun"));
            await silo.GrainFactory.GetGrain<IRegistryGrain>(Registries.Schools).Put(new RegistryEntry(code, name, "Vara"));
        }

        var absent = silo.GrainFactory.GetGrain<IStudentGrain>("s-absent");
        await absent.Enroll(new(SchoolA, 8, "8A", "mentor-8a", termStart, null, SecurityMarking.None));
        await absent.RecordAttendance([.. Enumerable.Range(1, 5).Select(d => new LessonAttendance(new DateOnly(2026, 11, 9).AddDays(d - 1), "MA-1", 60, 0, 60, 0))]);
        var helped = silo.GrainFactory.GetGrain<IStudentGrain>("s-notified");
        await helped.Enroll(new(SchoolA, 7, "7A", "mentor-7a", termStart, null, SecurityMarking.None));
        await helped.RecordHandover(new("h1", "99999999", SchoolA, termStart, HandoverContent.StudyResults));
        await helped.RecordIntervention(new("iv_1", PreventionLevel.Indicated, DevelopmentArea.Relationships, [], "Samtal", "mentor-7a", new(2026, 11, 2), new(2026, 11, 16), InterventionStatus.Active));
        var calm = silo.GrainFactory.GetGrain<IStudentGrain>("s-calm");
        await calm.Enroll(new(SchoolB, 9, "9A", "mentor-9a", termStart, null, SecurityMarking.None));
    }

    private Task<TestSilo> StartAsync(bool fresh = false)
    {
        var database = Path.Combine(folder, fresh ? "fresh.db" : "grains.db");
        return TestSilo.StartAsync(
            new StorageSettings { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={database}" },
            schoolTime: clock,
            configureServices: services => services.AddSingleton<FollowUpSweep>());
    }
}
