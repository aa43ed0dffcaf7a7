using System.Globalization;
using static PlugInnan.Grains.Tests.Records;

namespace PlugInnan.Grains.Tests;

/// <summary>The school grain and the roster its students keep, over the real runtime and SQLite storage.</summary>
public sealed class SchoolGrainTests : IDisposable
{
    private const string SchoolA = "11111111";
    private const string SchoolB = "22222222";
    private static readonly DateOnly TermStart = new(2026, 8, 17);

    private readonly SiloOnDisk disk = new(new DateOnly(2026, 10, 5));

    [Fact]
    public async Task A_student_changing_school_moves_between_rosters_and_stays_moved_after_a_restart()
    {
        await using (var silo = await disk.StartAsync())
        {
            var student = silo.GrainFactory.GetGrain<IStudentGrain>("mover");
            await student.Enroll(Enrolment(SchoolA, 6));
            await student.RecordAttendance([new(disk.Today, "SV-1", 60, 0, 0, 60)]);
            Assert.Single(await silo.GrainFactory.GetGrain<ISchoolGrain>(SchoolA).GetRoster());

            await student.Enroll(Enrolment(SchoolB, 7));

            Assert.Empty(await silo.GrainFactory.GetGrain<ISchoolGrain>(SchoolA).GetRoster());
            var entry = Assert.Single(await silo.GrainFactory.GetGrain<ISchoolGrain>(SchoolB).GetRoster());
            Assert.Equal(("mover", 7), (entry.StudentId, entry.YearLevel));
        }

        await using var restarted = await disk.StartAsync();
        Assert.Empty(await restarted.GrainFactory.GetGrain<ISchoolGrain>(SchoolA).GetRoster());
        Assert.Equal("mover", Assert.Single(await restarted.GrainFactory.GetGrain<ISchoolGrain>(SchoolB).GetRoster()).StudentId);
        Assert.Equal(1, (await restarted.GrainFactory.GetGrain<ISchoolGrain>(SchoolB).GetFigures()).Students);
    }

    [Fact]
    public async Task An_ended_enrolment_leaves_the_roster_at_the_next_refresh()
    {
        await using var silo = await disk.StartAsync();
        var student = silo.GrainFactory.GetGrain<IStudentGrain>("leaver");
        var school = silo.GrainFactory.GetGrain<ISchoolGrain>(SchoolA);
        await student.Enroll(Enrolment(SchoolA, 9) with { EndDate = disk.Today.AddDays(3) });
        Assert.Single(await school.GetRoster());

        disk.Today = disk.Today.AddDays(4);
        await student.Refresh();

        Assert.Empty(await school.GetRoster());
    }

    [Fact]
    public async Task The_school_figures_match_a_recount_from_the_students()
    {
        await using var silo = await disk.StartAsync();
        var today = disk.Today;
        var random = new Random(2026);
        var lessons = new Dictionary<string, List<LessonAttendance>>();
        var ids = Enumerable.Range(0, 24).Select(i => $"s{i:00}").ToList();
        foreach (var id in ids)
        {
            var student = silo.GrainFactory.GetGrain<IStudentGrain>(id);
            var year = 7 + random.Next(3);
            await student.Enroll(Enrolment(SchoolA, year));
            var sent = Enumerable.Range(0, 20).Select(d => today.AddDays(-d)).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                .SelectMany(d => Enumerable.Range(1, 4).Select(n => Lesson(d, n, random.Next(100) < 8 + (int.Parse(id[1..], CultureInfo.InvariantCulture) % 16))))
                .ToList();
            await student.RecordAttendance(sent);
            var corrected = sent.Take(5).Select(l => l with { AttendedMinutes = 60, ValidAbsenceMinutes = 0, InvalidAbsenceMinutes = 0 }).ToList();
            await student.RecordAttendance(corrected); // corrections replace, never add
            lessons[id] = [.. corrected, .. sent.Skip(5)];

            if (year == 9)
            {
                var full = random.Next(3) > 0;
                var grades = full ? "SV:C EN:E MA:X BI:E FY:E KE:E GE:E HI:E RE:E SH:E BL:C HKK:E IDH:A MU:E SL:E TK:E" : "SV:C EN:E MA:X";
                await student.RecordGrades(Grades(grades.Replace("X", random.Next(2) == 0 ? "F" : "D", StringComparison.Ordinal), new DateOnly(2026, 6, 10)));
            }

            if (random.Next(2) == 0)
            {
                await student.RecordConnectedness(new(today.AddDays(-random.Next(10)), random.Next(1, 6), random.Next(1, 6), random.Next(1, 6), random.Next(1, 6)));
            }

            for (var i = 0; i < random.Next(3); i++)
            {
                var start = today.AddDays(-random.Next(40));
                await student.RecordIntervention(new(
                    $"{id}-i{i}", (PreventionLevel)random.Next(1, 4), (DevelopmentArea)random.Next(1, 6), [SuccessFactor.Flexibility], "Anpassad studiegång", "EHT",
                    start, start.AddDays(random.Next(5, 60)), random.Next(4) == 0 ? InterventionStatus.Cancelled : InterventionStatus.Active));
            }
        }

        var figures = await silo.GrainFactory.GetGrain<ISchoolGrain>(SchoolA).GetFigures();

        var profiles = await Task.WhenAll(ids.Select(id => silo.GrainFactory.GetGrain<IStudentGrain>(id).GetProfile()));
        var all = lessons.Values.SelectMany(l => l).ToList();
        var year9 = profiles.Where(p => p.Enrolment!.YearLevel == 9).ToList();
        var projected = year9.Where(p => p.CurrentGrades.Count >= 8).ToList();
        var checkIns = profiles.Where(p => p.LatestCheckIn is not null).Select(p => p.LatestCheckIn!).ToList();
        var open = profiles.SelectMany(p => p.Interventions).Where(i => i.Status == InterventionStatus.Active).ToList();

        Assert.Equal(ids.Count, figures.Students);
        Assert.Equal(
            Enum.GetValues<RiskLevel>().Select(l => profiles.Count(p => p.Risk.Level == l)),
            Enum.GetValues<RiskLevel>().Select(l => figures.StudentsPerRiskLevel[l]));
        Assert.Equal(all.Sum(l => l.ScheduledMinutes), figures.ScheduledMinutes);
        Assert.Equal(all.Sum(l => l.AbsentMinutes), figures.AbsentMinutes);
        Assert.Equal((year9.Count, projected.Count, projected.Count(p => p.Eligibility.Vocational)), (figures.Year9Students, figures.Year9Projected, figures.Year9ProjectedVocational));
        Assert.Equal(projected.Count(p => p.Eligibility.ProgrammeGroups[ProgrammeGroup.Arts]), figures.Year9ProjectedPerGroup[ProgrammeGroup.Arts]);
        Assert.Equal(new ConnectednessSums(checkIns.Count, checkIns.Sum(c => c.Behavioural), checkIns.Sum(c => c.Academic), checkIns.Sum(c => c.Cognitive), checkIns.Sum(c => c.Affective)), figures.Connectedness);
        Assert.Equal(
            open.GroupBy(i => (i.Area, i.Level)).OrderBy(g => g.Key).Select(g => (g.Key.Area, g.Key.Level, g.Count(), g.Count(i => i.FollowUpDate < today))),
            figures.Interventions.Select(i => (i.Area, i.Level, i.Open, i.Overdue)));
        Assert.True(figures.FocusGroup > 0 && figures.Year9Projected > 0 && figures.Interventions.Any(i => i.Overdue > 0), "the generated school exercises every figure");
    }

    [Fact]
    public async Task Settings_are_checked_field_by_field_and_survive_a_restart()
    {
        var profile = new SchoolProfile("Alléskolan", "1442", "Vara", "Vara kommun");
        await using (var silo = await disk.StartAsync())
        {
            var school = silo.GrainFactory.GetGrain<ISchoolGrain>(SchoolA);
            await school.Configure(profile);
            await school.SetRoutines(new RoutineSettings { AbsenceWatchRate = 0.08 });

            var rate = await Assert.ThrowsAsync<InvalidRecordException>(() => school.SetRoutines(new RoutineSettings { AbsenceHighRate = 0.05 }));
            var code = await Assert.ThrowsAsync<InvalidRecordException>(() => school.Configure(profile with { MunicipalityCode = "14" }));
            var terms = await Assert.ThrowsAsync<InvalidRecordException>(() => school.SetCalendar(new SchoolCalendar(
                [new(new SchoolTerm(2026, Semester.Autumn), TermStart, new DateOnly(2026, 12, 18)), new(new SchoolTerm(2027, Semester.Spring), new DateOnly(2026, 12, 1), new DateOnly(2027, 6, 10))], [])));
            Assert.Equal(["absence_high_rate", "municipality_code", "terms"], new[] { rate, code, terms }.Select(e => e.Field));
        }

        await using var restarted = await disk.StartAsync();
        var stored = restarted.GrainFactory.GetGrain<ISchoolGrain>(SchoolA);
        Assert.Equal(profile, await stored.GetProfile());
        Assert.Equal(0.08, (await stored.GetSettings()).Routines.AbsenceWatchRate);
    }

    public void Dispose() => disk.Dispose();

    private static Enrolment Enrolment(string school, int year) => new(school, year, $"{year}A", "mentor", TermStart, null, SecurityMarking.None);

    private static LessonAttendance Lesson(DateOnly day, int n, bool absent) =>
        new(day, $"lesson-{n}", 60, absent ? 0 : 60, absent && n % 2 == 0 ? 60 : 0, absent && n % 2 == 1 ? 60 : 0);
}
