using Microsoft.Data.Sqlite;
using PlugInnan.Grains.Students;
using PlugInnan.Persistence;
using PlugInnan.TestSupport;
using Xunit.Abstractions;

namespace PlugInnan.Grains.Tests;

/// <summary>The student grain over the real runtime and SQLite storage.</summary>
public sealed class StudentGrainTests(ITestOutputHelper output) : IDisposable
{
    private static readonly DateOnly TermStart = new(2026, 8, 17);
    private static readonly Enrolment Year7 = new("12345678", 7, "7B", "mentor-3", TermStart, null, SecurityMarking.None);

    private readonly string folder = Directory.CreateTempSubdirectory("pluginnan-students-").FullName;

    [Fact]
    public async Task Resent_and_corrected_lessons_replace_earlier_ones_and_survive_a_restart()
    {
        var day = new DateOnly(2026, 9, 1);
        await using (var silo = await StartAsync())
        {
            var student = silo.GrainFactory.GetGrain<IStudentGrain>("a1");
            await student.Enroll(Year7);
            await student.RecordAttendance([new(day, "MA-1", 60, 0, 0, 60), new(day, "SV-1", 60, 60, 0, 0)]);
            await student.RecordAttendance([new(day, "MA-1", 60, 0, 60, 0)]); // the absence turned out valid
            await student.RecordAttendance([new(day, "MA-1", 60, 0, 60, 0)]); // and was sent twice
        }

        await using var restarted = await StartAsync();
        var profile = await restarted.GrainFactory.GetGrain<IStudentGrain>("a1").GetProfile(day, TermStart);

        Assert.Equal(0.5, profile.Attendance.TermRate, 6);
        Assert.Equal(0, profile.Attendance.InvalidMinutesInTerm);
        Assert.Equal(Year7, profile.Enrolment);
    }

    [Fact]
    public async Task Grades_give_eligibility_merit_value_and_an_explained_risk()
    {
        await using var silo = await StartAsync();
        var student = silo.GrainFactory.GetGrain<IStudentGrain>("a2");
        await student.Enroll(Year7 with { YearLevel = 9, StartDate = new DateOnly(2024, 8, 19) });
        var on = new DateOnly(2026, 6, 10);
        await student.RecordGrades([.. "SV:C EN:C MA:F BI:E FY:E KE:E GE:E HI:E RE:E SH:E BL:E HKK:E IDH:E MU:E SL:E TK:E"
            .Split(' ').Select(p => p.Split(':')).Select(p => new GradeEntry(p[0], p[1], on))]);

        var profile = await student.GetProfile(new DateOnly(2026, 9, 1), TermStart);

        Assert.False(profile.Eligibility.Vocational);
        Assert.Equal(15 + 15 + 0 + 13 * 10, profile.MeritValue);
        Assert.Equal(RiskLevel.High, profile.Risk.Level);
        Assert.Equal(["core_subject_grade:MA", "vocational_eligibility_projection"], profile.Risk.Reasons.Select(r => r.Indicator));
    }

    [Fact]
    public async Task Minutes_that_do_not_add_up_are_refused_and_nothing_is_stored()
    {
        await using var silo = await StartAsync();
        var student = silo.GrainFactory.GetGrain<IStudentGrain>("a3");
        var day = new DateOnly(2026, 9, 2);

        await Assert.ThrowsAsync<ArgumentException>(() => student.RecordAttendance([new(day, "EN-1", 60, 60, 0, 0), new(day, "EN-2", 60, 50, 20, 0)]));

        Assert.Equal(0.0, (await student.GetProfile(day, TermStart)).Attendance.TermRate);
    }

    [Fact]
    public async Task A_full_school_year_stays_compact()
    {
        var days = Enumerable.Range(0, 300).Select(i => TermStart.AddDays(i))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Take(190).ToList();
        var subjects = "SV EN MA BI FY KE GE HI RE SH BL HKK IDH MU SL TK".Split(' ');
        await using (var silo = await StartAsync())
        {
            var student = silo.GrainFactory.GetGrain<IStudentGrain>("full-year");
            await student.Enroll(Year7);
            foreach (var week in days.Chunk(5))
            {
                await student.RecordAttendance([.. week.SelectMany(d => Enumerable.Range(1, 6).Select(n =>
                    new LessonAttendance(d, $"{subjects[(d.DayNumber + n) % subjects.Length]}-{n}", 60, n == 6 && d.Day % 7 == 0 ? 0 : 60, 0, n == 6 && d.Day % 7 == 0 ? 60 : 0)))]);
            }

            foreach (var term in new[] { new DateOnly(2026, 12, 18), new DateOnly(2027, 6, 10) })
            {
                await student.RecordGrades([.. subjects.Select(s => new GradeEntry(s, "C", term))]);
            }

            var profile = await student.GetProfile(days[^1], TermStart);
            Assert.InRange(profile.Attendance.TermRate, 0.01, 0.05);
        }

        var bytes = await PayloadBytesAsync("full-year");
        output.WriteLine($"state of a student with {days.Count * 6} lesson records and {subjects.Length * 2} grades: {bytes} bytes of JSON");
        Assert.True(bytes > 0);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private string ConnectionString => $"Data Source={Path.Combine(folder, "grains.db")}";

    private Task<TestSilo> StartAsync() => TestSilo.StartAsync(runtime => runtime
        .AddGrains(typeof(StudentGrain).Assembly)
        .AddGrainStateJson(GrainStateJsonContext.Default)
        .AddSqliteGrainStorage(ConnectionString));

    private async Task<long> PayloadBytesAsync(string key)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT length(CAST(payload AS BLOB)) FROM grain_state WHERE grain_type = 'student' AND grain_key = $key";
        command.Parameters.AddWithValue("$key", key);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
