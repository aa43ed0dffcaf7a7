using PlugInnan.TestSupport;

namespace PlugInnan.Grains.Tests;

/// <summary>The domain's grains on a real PostgreSQL server, as a municipality would run them.</summary>
public sealed class DomainOnPostgreSqlTests : IAsyncLifetime, IDisposable
{
    private const string From = "66666666";
    private const string To = "77777777";
    private static readonly DateOnly TermStart = new(2026, 8, 17);

    private PostgresServer? server;
    private SiloOnDisk? disk;

    public async Task InitializeAsync()
    {
        server = await PostgresServer.StartAsync();
        disk = new SiloOnDisk(new DateOnly(2026, 8, 24), await server.CreateDatabaseAsync("domain"));
    }

    [Fact]
    public async Task Students_move_from_year_6_to_year_7_and_the_subproject_sees_it_after_a_restart()
    {
        var ids = Enumerable.Range(0, 6).Select(i => $"p{i}").ToList();
        await using (var silo = await disk!.StartAsync())
        {
            var subproject = silo.GrainFactory.GetGrain<ISubprojectGrain>("overgang");
            await subproject.Define(new("Övergång 6–7", "Tanum", null, [new("Mellanskolan", From), new("Högstadiet", To)], [DevelopmentArea.SafetyAndCalm], [], "transition between year 6 and year 7"));
            foreach (var id in ids)
            {
                await silo.GrainFactory.GetGrain<IStudentGrain>(id).Enroll(new(From, 6, "6A", "mentor", new DateOnly(2025, 8, 18), null, SecurityMarking.None));
            }

            await subproject.TakeBaseline();
            foreach (var id in ids)
            {
                var student = silo.GrainFactory.GetGrain<IStudentGrain>(id);
                await student.RecordHandover(new($"{id}-h", From, To, TermStart, HandoverContent.StudyResults | HandoverContent.SupportMeasures));
                await student.Enroll(new(To, 7, "7A", "mentor", TermStart, null, SecurityMarking.None));
                await student.RecordAttendance([new(disk.Today, "SV-1", 60, id == "p0" ? 54 : 60, 0, id == "p0" ? 6 : 0)]);
            }
        }

        await using var restarted = await disk.StartAsync();
        Assert.Empty(await restarted.GrainFactory.GetGrain<ISchoolGrain>(From).GetRoster());
        var roster = await restarted.GrainFactory.GetGrain<ISchoolGrain>(To).GetRoster();
        Assert.Equal(ids, roster.Select(s => s.StudentId));
        var p0 = roster[0];
        Assert.Equal((RiskLevel.Elevated, "transition_year_7"), (p0.Risk, p0.Reasons[^1].Indicator)); // watch, raised in the first weeks of year 7
        var progress = await restarted.GrainFactory.GetGrain<ISubprojectGrain>("overgang").GetProgress();
        var attendance = progress.Measures.Single(m => m.Measure == ProgressMeasure.AttendanceRate);
        Assert.Equal((null, 1 - (6 / 360.0)), (attendance.Baseline, attendance.Current!.Value));
        Assert.Equal(6, progress.StudentsPerRiskLevel.Total);
        Assert.Single((await restarted.GrainFactory.GetGrain<IStudentGrain>("p3").GetProfile()).Handovers);
    }

    public void Dispose() => disk?.Dispose();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
