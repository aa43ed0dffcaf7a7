using Microsoft.Extensions.DependencyInjection;
using PlugInnan.Grains;
using PlugInnan.Grains.Rules;
using PlugInnan.Scheduling.Jobs;
using PlugInnan.TestSupport;
using static PlugInnan.Scheduling.Tests.SwedishClock;

namespace PlugInnan.Scheduling.Tests;

/// <summary>A whole school year, day by day on a controlled clock, through the workflows as the jobs run them.</summary>
public sealed class SchoolYearTests
{
    private const string School = "33333333";
    private static readonly DateOnly First = new(2026, 8, 10);
    private static readonly DateOnly Last = new(2027, 6, 30);
    private readonly ManualTimeProvider clock = new(At(First, 5, 0));

    [Theory]
    [InlineData(Backend.Sqlite)]
    [InlineData(Backend.PostgreSql)]
    public async Task Over_a_school_year_the_tasks_come_on_school_days_only_and_each_once(Backend kind)
    {
        await using var backend = await JobBackend.StartAsync(kind);
        // The job classes Hangfire runs, called the way its worker calls them, on a clock the test moves
        // day by day (Hangfire's own clock cannot be moved; its firing is tested in HangfireJobTests).
        await using var silo = await TestSilo.StartAsync(
            backend.Grains,
            schoolTime: clock,
            configureServices: services => services.AddFollowUpScheduling(backend.Jobs, new SchedulingOptions { Enabled = false }));
        var grains = silo.GrainFactory;
        await grains.GetGrain<ISchoolGrain>(School).Configure(new SchoolProfile("Årsskolan", "1442", "Vara", "Vara kommun"));
        await grains.GetGrain<IRegistryGrain>(Registries.Schools).Put(new RegistryEntry(School, "Årsskolan", "Vara"));
        var truant = grains.GetGrain<IStudentGrain>("wednesdays"); // absent without a valid reason every Wednesday
        await truant.Enroll(new(School, 7, "7A", "mentor", new DateOnly(2026, 8, 17), null, SecurityMarking.None));
        var sixth = grains.GetGrain<IStudentGrain>("year-6");
        await sixth.Enroll(new(School, 6, "6A", "mentor", new DateOnly(2026, 8, 17), null, SecurityMarking.None));
        var (rosters, absence, interventions, transition, guardianNotices) = (
            silo.Services.GetRequiredService<RosterRefreshJob>(), silo.Services.GetRequiredService<AbsenceInvestigationJob>(),
            silo.Services.GetRequiredService<InterventionFollowUpJob>(), silo.Services.GetRequiredService<TransitionCheckJob>(),
            silo.Services.GetRequiredService<GuardianNoticeJob>());
        var schoolDays = 0;

        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            clock.Set(At(day, 5, 0));
            await rosters.RunAsync(CancellationToken.None);
            await absence.RunAsync(CancellationToken.None);
            await interventions.RunAsync(CancellationToken.None);
            await transition.RunAsync(CancellationToken.None);
            if (SchoolCalendarRules.IsSchoolDay(SchoolCalendar.Empty, day))
            {
                schoolDays++;
                clock.Set(At(day, 9, 0));
                var wednesday = day.DayOfWeek == DayOfWeek.Wednesday;
                await truant.RecordAttendance([new(day, "MA-1", 60, wednesday ? 0 : 60, 0, wednesday ? 60 : 0), new(day, "SV-1", 60, 60, 0, 0)]);
                await sixth.RecordAttendance([.. Enumerable.Range(1, 6).Select(n => new LessonAttendance(day, $"L{n}", 60, n == 1 && day.Day == 15 ? 0 : 60, n == 1 && day.Day == 15 ? 60 : 0, 0))]); // a lesson now and then, under the thresholds
                if (day == new DateOnly(2027, 4, 20))
                {
                    await sixth.RecordConnectedness(new(day, 2, 2, 2, 2)); // low connectedness: on watch before the move to year 7
                }
            }

            clock.Set(At(day, 16, 15));
            await guardianNotices.RunAsync(CancellationToken.None);
        }

        var tasks = await grains.GetGrain<IFollowUpGrain>(School).List(new FollowUpFilter());
        var notices = tasks.Where(t => t.Kind == FollowUpKind.GuardianNotice).ToList();
        var wednesdays = Enumerable.Range(0, Last.DayNumber - First.DayNumber + 1).Select(First.AddDays)
            .Count(d => d.DayOfWeek == DayOfWeek.Wednesday && SchoolCalendarRules.IsSchoolDay(SchoolCalendar.Empty, d));

        Assert.InRange(schoolDays, 170, 190); // a Swedish school year: about 178 days
        Assert.Equal(wednesdays, notices.Count); // each school Wednesday once, none in a break
        Assert.All(notices, t => Assert.True(SchoolCalendarRules.IsSchoolDay(SchoolCalendar.Empty, t.Due)));
        Assert.Equal(["absence-investigation:wednesdays:HT2026", "absence-investigation:wednesdays:VT2027"],
            tasks.Where(t => t.Kind == FollowUpKind.AbsenceInvestigation).Select(t => t.Id).Order());
        Assert.Contains(tasks, t => t is { Kind: FollowUpKind.HandoverMissing, StudentId: "wednesdays", Id: "handover-missing:wednesdays:2026" });
        Assert.Contains(tasks, t => t is { Kind: FollowUpKind.HandoverToSend, StudentId: "year-6", Due.Month: 6 });
        Assert.Equal(tasks.Count, tasks.Select(t => t.Id).Distinct().Count());
    }
}
