using System.Text.Json;
using static PlugInnan.Grains.Tests.Records;

namespace PlugInnan.Grains.Tests;

/// <summary>
/// Restated digests: the figures of past Mondays computed later from the stored records are the ones the
/// scheduler recorded on those Mondays, when the records came in on time.
/// </summary>
public sealed class RestatedDigestTests : IDisposable
{
    private const string Nord = "33333333";
    private const string Syd = "44444444";
    private static readonly DateOnly TermStart = new(2026, 8, 17);
    private static readonly DateOnly FirstMonday = new(2026, 9, 14);
    private readonly SiloOnDisk disk = new(FirstMonday);

    [Fact]
    public async Task Restated_weeks_equal_the_digests_recorded_on_those_Mondays()
    {
        await using var silo = await disk.StartAsync();
        var grains = silo.GrainFactory;
        var live = await DefinedAsync(grains, "live");
        var restated = await DefinedAsync(grains, "restated");
        var ids = Enumerable.Range(0, 12).Select(i => $"r{i}").ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            var student = grains.GetGrain<IStudentGrain>(id);
            await student.Enroll(new(i < 6 ? Nord : Syd, 9, "9A", "mentor", TermStart, null, SecurityMarking.None));
            await student.RecordGrades(Grades($"SV:C EN:E MA:{(i % 2 == 0 ? "F" : "E")} BI:E FY:E KE:E GE:E HI:E RE:E SH:E BL:C HKK:E IDH:A MU:E SL:E TK:E", new DateOnly(2026, 6, 10)));
        }

        for (var week = 0; week < 4; week++)
        {
            var monday = FirstMonday.AddDays(7 * week);
            disk.Today = monday;
            await Task.WhenAll(ids.Select(id => grains.GetGrain<IStudentGrain>(id).Refresh())); // the 05:00 roster refresh
            await live.RecordDigest(); // the 06:00 digest

            // The week's records, all dated after its Monday: absence rising, then falling; an intervention
            // opened in week 1, overdue by its end, half of them completed in week 2; maths grades passed in week 2; check-ins in week 3.
            foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            {
                var student = grains.GetGrain<IStudentGrain>(id);
                var absent = i < (week switch { 0 => 2, 1 => 6, 2 => 4, _ => 1 });
                await student.RecordAttendance([.. Enumerable.Range(1, 4).Select(d => new LessonAttendance(monday.AddDays(d), "MA-1", 60, absent ? 0 : 60, absent ? 60 : 0, 0))]);
                disk.Today = monday.AddDays(2);
                if (week == 1 && i < 6)
                {
                    await student.RecordIntervention(new($"i-{id}", PreventionLevel.Targeted, DevelopmentArea.Relationships, [SuccessFactor.TrackingAndFollowUp],
                        "Samtal", "mentor", monday.AddDays(2), monday.AddDays(4), InterventionStatus.Active));
                }

                if (week == 2 && i < 3)
                {
                    await student.UpdateIntervention(new($"i-{id}", InterventionStatus.Completed, InterventionEvaluation.Improved));
                }

                if (week == 2 && i % 2 == 0)
                {
                    await student.RecordGrades([Grade("MA", "E", monday.AddDays(2))]);
                }

                if (week == 3)
                {
                    await student.RecordConnectedness(new(monday.AddDays(2), 3, 4, 3, i % 5 + 1));
                }

                disk.Today = monday;
            }
        }

        disk.Today = FirstMonday.AddDays(28).AddDays(3); // a Thursday, after the four weeks
        var added = await restated.RestateDigests(FirstMonday.AddDays(-1)); // the Sunday before the first Monday

        var recorded = (await live.ListDigests()).Reverse().ToList();
        Assert.Equal(recorded.Select(d => d.Week), added.Select(d => d.Week));
        Assert.Equal(["2026-W38", "2026-W39", "2026-W40", "2026-W41"], added.Select(d => d.Week));
        Assert.All(added, d => Assert.True(d.Restated && d.RecordedOn == disk.Today));
        Assert.Equal(recorded.Select(d => Comparable(d.Progress)), added.Select(d => Comparable(d.Progress)));
        Assert.Equal(4, recorded.Select(d => Comparable(d.Progress)).Distinct().Count()); // the weeks differ, so equal is not trivial

        Assert.Empty(await restated.RestateDigests(FirstMonday.AddDays(-1))); // weeks once restated stay
        Assert.Equal(added.Select(d => d.Week).Reverse(), (await restated.ListDigests()).Select(d => d.Week));
    }

    [Fact]
    public async Task Restating_is_refused_for_this_week_and_before_the_school_year()
    {
        await using var silo = await disk.StartAsync();
        var subproject = await DefinedAsync(silo.GrainFactory, "refused");
        disk.Today = FirstMonday.AddDays(3);

        var thisWeek = await Assert.ThrowsAsync<InvalidRecordException>(() => subproject.RestateDigests(FirstMonday));
        var lastYear = await Assert.ThrowsAsync<InvalidRecordException>(() => subproject.RestateDigests(new DateOnly(2026, 6, 29)));

        Assert.Equal(["since", "since"], new[] { thisWeek, lastYear }.Select(e => e.Field));
        Assert.Empty(await subproject.ListDigests());
    }

    [Fact]
    public async Task A_student_enrolled_after_a_Monday_is_not_in_that_Mondays_figures()
    {
        await using var silo = await disk.StartAsync();
        var subproject = await DefinedAsync(silo.GrainFactory, "late");
        foreach (var i in Enumerable.Range(0, 7))
        {
            var start = i < 5 ? TermStart : FirstMonday.AddDays(1); // two arrive on the Tuesday
            await silo.GrainFactory.GetGrain<IStudentGrain>($"e{i}").Enroll(new(Nord, 8, "8A", "mentor", start, null, SecurityMarking.None));
        }

        disk.Today = FirstMonday.AddDays(17); // the Thursday two weeks on
        var added = await subproject.RestateDigests(FirstMonday.AddDays(-7));

        Assert.Equal([5, 5, 7], added.Select(d => d.Progress.StudentsPerRiskLevel.Total));
    }

    public void Dispose() => disk.Dispose();

    // The progress without the subproject's id, as text: the records hold lists, compared by content here.
    private static string Comparable(SubprojectProgress progress) => JsonSerializer.Serialize(progress with { SubprojectId = "" });

    private static async Task<ISubprojectGrain> DefinedAsync(IGrainFactory grains, string id)
    {
        var subproject = grains.GetGrain<ISubprojectGrain>(id);
        await subproject.Seed(new("Nord och Syd", "Vara", "Processledare GR", [new("Nordskolan"), new("Sydskolan")], [DevelopmentArea.Relationships], [SuccessFactor.TrackingAndFollowUp]));
        await subproject.AddSchool("Nordskolan", Nord);
        await subproject.AddSchool("Sydskolan", Syd);
        return subproject;
    }
}
