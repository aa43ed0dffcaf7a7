using System.Globalization;
using PlugInnan.Grains;
using PlugInnan.TestSupport;

namespace PlugInnan.Web.Bench;

/// <summary>
/// A region of the programme's size written straight into the grains: schools shared out over the
/// subprojects in turn, students spread over the schools and years 5–9, four weeks of lessons (some
/// students absent often), term grades for year 9, an intervention for every tenth student, and a
/// baseline for every subproject.
/// </summary>
internal sealed record SyntheticRegion(int Subprojects, int Schools, int Students)
{
    private const string Passing = "SV:C EN:E MA:E BI:E FY:E KE:E GE:E HI:E RE:E SH:E BL:C HKK:E IDH:A MU:E SL:E TK:E";

    public static string SubprojectId(int p) => $"bench-{p:D2}";

    public static string SchoolCode(int s) => (81_000_000 + s).ToString(CultureInfo.InvariantCulture);

    public async Task WriteAsync(IGrainFactory grains, DateOnly today)
    {
        var schoolRegistry = grains.GetGrain<IRegistryGrain>(Registries.Schools);
        for (var s = 0; s < Schools; s++)
        {
            await grains.GetGrain<ISchoolGrain>(SchoolCode(s)).Configure(new SchoolProfile($"Bänkskolan {s}", "1480", "Göteborg", "Göteborgs stad"));
            await schoolRegistry.Put(new RegistryEntry(SchoolCode(s), $"Bänkskolan {s}", "Göteborg"));
        }

        for (var p = 0; p < Subprojects; p++)
        {
            var schools = Enumerable.Range(0, Schools).Where(s => s % Subprojects == p).Select(s => new SubprojectSchool($"Bänkskolan {s}", SchoolCode(s))).ToList();
            await grains.GetGrain<ISubprojectGrain>(SubprojectId(p)).Define(new SubprojectDefinition($"Delprojekt {p}", "Göteborg", null, schools, [], []));
            await grains.GetGrain<IRegistryGrain>(Registries.Subprojects).AddMissing([new RegistryEntry(SubprojectId(p), $"Delprojekt {p}", "Göteborg")]);
        }

        var days = SyntheticRecords.Weekdays(today, 28);
        await Parallel.ForEachAsync(Enumerable.Range(0, Students), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            var student = grains.GetGrain<IStudentGrain>($"bench-{i:x8}");
            var year = 5 + (i / Schools % 5);
            await student.Enroll(new Enrolment(SchoolCode(i % Schools), year, null, null, today.AddDays(-100), null, SecurityMarking.None));
            await student.RecordAttendance(SyntheticRecords.Lessons(days, i));
            if (year == 9)
            {
                var grades = i % 3 == 0 ? Passing.Replace("MA:E", "MA:F", StringComparison.Ordinal) : Passing;
                var term = new SchoolTerm(today.Month >= 7 ? today.Year : today.Year - 1, today.Month >= 7 ? Semester.Autumn : Semester.Spring);
                await student.RecordGrades([.. grades.Split(' ').Select(g => g.Split(':')).Select(g => new GradeEntry(g[0], term, g[1], false, today.AddDays(-7)))]);
            }

            if (i % 10 == 0)
            {
                await student.RecordIntervention(SyntheticRecords.Intervention(today, i));
            }
        });

        for (var p = 0; p < Subprojects; p++)
        {
            await grains.GetGrain<ISubprojectGrain>(SubprojectId(p)).TakeBaseline();
        }
    }
}
