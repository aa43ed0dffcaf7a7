using static PlugInnan.Grains.Tests.Records;

namespace PlugInnan.Grains.Tests;

/// <summary>The subproject grain: baseline, progress as step changes, and suppression of small groups.</summary>
public sealed class SubprojectGrainTests : IDisposable
{
    private const string Nord = "33333333";
    private const string Syd = "44444444";
    private const string Liten = "55555555";
    private static readonly DateOnly TermStart = new(2026, 8, 17);
    private static readonly SubprojectDefinition Definition = new(
        "Nord och Syd", "Vara", "Processledare GR",
        [new("Nordskolan"), new("Sydskolan"), new("Lillskolan")],
        [DevelopmentArea.FollowUpOfRiskIndicators, DevelopmentArea.Relationships],
        [SuccessFactor.TrackingAndFollowUp]);

    private readonly SiloOnDisk disk = new(new DateOnly(2026, 9, 14));

    [Fact]
    public async Task Progress_after_a_baseline_shows_the_step_changes_and_the_goals()
    {
        await using var silo = await disk.StartAsync();
        var subproject = await DefinedAsync(silo.GrainFactory, "nord-syd", ("Nordskolan", Nord), ("Sydskolan", Syd));
        await subproject.SetPlan(new([
            new("g1", "Fler behöriga i åk 9", ProgressMeasure.ProjectedEligibility, 0.8),
            new("g2", "Färre elever i fokusgruppen", ProgressMeasure.FocusGroup, 6),
        ]));
        var students = Enumerable.Range(0, 12).Select(i => (Id: $"n{i}", School: i < 6 ? Nord : Syd)).ToList();
        foreach (var (id, school) in students)
        {
            var student = silo.GrainFactory.GetGrain<IStudentGrain>(id);
            await student.Enroll(new(school, 9, "9A", "mentor", TermStart, null, SecurityMarking.None));
            var maths = id is "n0" or "n1" or "n2" or "n6" or "n7" or "n8" ? "F" : "E"; // half not eligible
            await student.RecordGrades(Grades($"SV:C EN:E MA:{maths} BI:E FY:E KE:E GE:E HI:E RE:E SH:E BL:C HKK:E IDH:A MU:E SL:E TK:E", new DateOnly(2026, 6, 10)));
            await student.RecordAttendance([new(disk.Today, "SV-1", 60, maths == "F" ? 0 : 60, maths == "F" ? 60 : 0, 0)]);
        }

        var baseline = await subproject.TakeBaseline();
        Assert.Equal((disk.Today, 12, 6), (baseline.TakenOn, baseline.Figures.Year9Projected, baseline.Figures.Year9ProjectedVocational));

        disk.Today = new DateOnly(2026, 12, 21);
        foreach (var id in new[] { "n0", "n1", "n6", "n7" })
        {
            await silo.GrainFactory.GetGrain<IStudentGrain>(id).RecordGrades([Grade("MA", "E", new DateOnly(2026, 12, 18))]); // HT grade: passed
        }

        var progress = await subproject.GetProgress();

        Assert.Equal((new DateOnly(2026, 9, 14), new DateOnly(2026, 12, 21)), (progress.BaselineOn!.Value, progress.AsOf));
        var eligibility = Measure(progress, ProgressMeasure.ProjectedEligibility);
        Assert.Equal((0.5, 10 / 12.0, true), (eligibility.Baseline!.Value, eligibility.Current!.Value, eligibility.TargetMet!.Value));
        Assert.Equal((10 / 12.0) - 0.5, eligibility.Change!.Value, 9);
        var focus = Measure(progress, ProgressMeasure.FocusGroup);
        Assert.Equal((6.0, (double?)null, false), (focus.Baseline!.Value, focus.Current, focus.TargetMet ?? false)); // 2 left: too few to show
        Assert.Equal(2, progress.Measures.Count); // the plan's measures
        Assert.Equal(12, progress.StudentsPerRiskLevel.Total);
    }

    [Fact]
    public async Task Groups_smaller_than_five_are_suppressed_wherever_they_would_show()
    {
        await using var silo = await disk.StartAsync();
        var subproject = await DefinedAsync(silo.GrainFactory, "liten", ("Nordskolan", Nord), ("Lillskolan", Liten));
        for (var i = 0; i < 8; i++)
        {
            var school = i < 3 ? Liten : Nord;
            var student = silo.GrainFactory.GetGrain<IStudentGrain>($"l{i}");
            await student.Enroll(new(school, 8, "8A", "mentor", TermStart, null, SecurityMarking.ProtectedRegistration));
            await student.RecordConnectedness(new(disk.Today, 3, 3, 3, i == 0 ? 1 : 3));
            await student.RecordAttendance([new(disk.Today, "MA-1", 60, i < 2 ? 0 : 60, i < 2 ? 60 : 0, 0)]); // two at high risk
        }

        var progress = await subproject.GetProgress();

        var lillskolan = progress.Schools.Single(s => s.Name == "Lillskolan");
        Assert.All(lillskolan.StudentsPerRiskLevel.Cells.Values, Assert.Null);
        Assert.Null(lillskolan.StudentsPerRiskLevel.Total);
        Assert.Equal(8, progress.StudentsPerRiskLevel.Total);
        Assert.Null(progress.StudentsPerRiskLevel.Cells["High"]); // 2 students
        Assert.Null(progress.StudentsPerRiskLevel.Cells["None"]); // and the cell that would give them away
        Assert.Null(progress.FocusGroup);
        Assert.Equal(((7 * 12) + 10) / 32.0, Measure(progress, ProgressMeasure.Connectedness).Current); // 8 students checked in: shown
        Assert.Null(Measure(progress, ProgressMeasure.ProjectedEligibility).Current); // no year 9 at all
        Assert.Equal("Sydskolan", Assert.Single(progress.Schools, s => s.SchoolUnitCode is null).Name);
    }

    [Fact]
    public async Task Seeding_never_overwrites_and_schools_are_linked_by_name_or_added()
    {
        await using (var silo = await disk.StartAsync())
        {
            var subproject = silo.GrainFactory.GetGrain<ISubprojectGrain>("seeded");
            Assert.True(await subproject.Seed(Definition));
            await subproject.Define(Definition with { ProcessLeader = "Ny processledare" });
            Assert.False(await subproject.Seed(Definition));
            await subproject.AddSchool("nordskolan", Nord); // linked by name, whatever the letter case
            await subproject.AddSchool("Nyskolan", Syd); // a new school

            var name = await Assert.ThrowsAsync<InvalidRecordException>(() => subproject.AddSchool(" ", Syd));
            var code = await Assert.ThrowsAsync<InvalidRecordException>(() => subproject.AddSchool("Sydskolan", "123"));
            Assert.Equal(["school_name", "school_unit_code"], new[] { name, code }.Select(e => e.Field));
        }

        await using var restarted = await disk.StartAsync();
        var stored = await restarted.GrainFactory.GetGrain<ISubprojectGrain>("seeded").GetDefinition();
        Assert.Equal("Ny processledare", stored!.ProcessLeader);
        Assert.Equal([("Nordskolan", Nord), ("Sydskolan", null), ("Lillskolan", null), ("Nyskolan", Syd)], stored.Schools.Select(s => (s.Name, s.SchoolUnitCode)));
    }

    [Fact]
    public async Task A_baseline_once_taken_stays_frozen()
    {
        await using var silo = await disk.StartAsync();
        var subproject = await DefinedAsync(silo.GrainFactory, "frozen", ("Nordskolan", Nord));
        var first = await subproject.TakeBaseline();
        await silo.GrainFactory.GetGrain<IStudentGrain>("late").Enroll(new(Nord, 7, "7A", "mentor", TermStart, null, SecurityMarking.None));
        disk.Today = disk.Today.AddDays(30);

        var second = await subproject.TakeBaseline();

        Assert.Equal((first.TakenOn, 0), (second.TakenOn, second.Figures.Students));
        Assert.Equal(1, (await silo.GrainFactory.GetGrain<ISchoolGrain>(Nord).GetFigures()).Students);
    }

    public void Dispose() => disk.Dispose();

    private static MeasureProgress Measure(SubprojectProgress progress, ProgressMeasure measure) => progress.Measures.Single(m => m.Measure == measure);

    private static async Task<ISubprojectGrain> DefinedAsync(IGrainFactory grains, string id, params (string Name, string Code)[] links)
    {
        var subproject = grains.GetGrain<ISubprojectGrain>(id);
        await subproject.Define(Definition);
        foreach (var (name, code) in links)
        {
            await subproject.AddSchool(name, code);
        }

        return subproject;
    }
}
