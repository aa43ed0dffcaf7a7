using PlugInnan.Grains.Rules;

namespace PlugInnan.Grains.Tests;

public sealed class AbsenceRulesTests
{
    private static readonly DateOnly TermStart = new(2026, 8, 17);

    [Fact]
    public void Rates_count_absence_of_any_reason_over_the_window_and_the_term()
    {
        // Ten lesson-days of 60 minutes; 30 valid + 30 invalid minutes absent on two days inside the window.
        var lessons = Days(new DateOnly(2026, 9, 1), 10).ToList();
        lessons[8] = lessons[8] with { AttendedMinutes = 30, ValidAbsenceMinutes = 30 };
        lessons[9] = lessons[9] with { AttendedMinutes = 30, InvalidAbsenceMinutes = 30 };

        var summary = AbsenceRules.Summarize(lessons, new DateOnly(2026, 9, 10), TermStart, windowDays: 5);

        Assert.Equal(60.0 / 300, summary.WindowRate, 6);
        Assert.Equal(60.0 / 600, summary.TermRate, 6);
        Assert.Equal(30, summary.InvalidMinutesInTerm);
        Assert.Equal(2, summary.ConsecutiveDaysWithAbsence);
        Assert.Equal(new DateOnly(2026, 9, 9), summary.AbsentSince);
        Assert.Equal(new DateOnly(2026, 9, 9), summary.FirstAbsenceInWindow);
    }

    [Fact]
    public void A_resent_record_replaces_the_earlier_one_so_corrections_never_double_count()
    {
        var day = new DateOnly(2026, 9, 1);
        var first = new LessonAttendance(day, "MA-1", 60, 0, 0, 60);
        var corrected = first with { ValidAbsenceMinutes = 60, InvalidAbsenceMinutes = 0 };

        var summary = AbsenceRules.Summarize([first, corrected, corrected], day, TermStart, 28);

        Assert.Equal(1.0, summary.TermRate);
        Assert.Equal(0, summary.InvalidMinutesInTerm);
    }

    [Fact]
    public void A_day_without_absence_ends_the_streak_and_future_records_are_ignored()
    {
        var lessons = Days(new DateOnly(2026, 9, 1), 5).ToList();
        lessons[1] = lessons[1] with { AttendedMinutes = 0, InvalidAbsenceMinutes = 60 };
        lessons[3] = lessons[3] with { AttendedMinutes = 0, InvalidAbsenceMinutes = 60 };

        var summary = AbsenceRules.Summarize(lessons, new DateOnly(2026, 9, 4), TermStart, 28);

        Assert.Equal(1, summary.ConsecutiveDaysWithAbsence);
        Assert.Equal(new DateOnly(2026, 9, 4), summary.AbsentSince);
        Assert.Equal(120.0 / 240, summary.TermRate, 6);
    }

    [Fact]
    public void No_records_give_zero_rates()
    {
        var summary = AbsenceRules.Summarize([], new DateOnly(2026, 9, 4), TermStart, 28);

        Assert.Equal((0.0, 0.0, 0, null), (summary.WindowRate, summary.TermRate, summary.ConsecutiveDaysWithAbsence, summary.AbsentSince));
    }

    [Theory]
    [InlineData(60, 40, 10, 10, true)]
    [InlineData(60, 40, 10, 11, false)]
    [InlineData(60, -1, 0, 0, false)]
    public void Minutes_must_add_up(int scheduled, int attended, int valid, int invalid, bool consistent) =>
        Assert.Equal(consistent, new LessonAttendance(TermStart, "SV-1", scheduled, attended, valid, invalid).IsConsistent);

    private static IEnumerable<LessonAttendance> Days(DateOnly first, int count) =>
        Enumerable.Range(0, count).Select(i => new LessonAttendance(first.AddDays(i), "L1", 60, 60, 0, 0));
}
