using PlugInnan.Grains.Rules;
using PlugInnan.TestSupport;

namespace PlugInnan.Grains.Tests;

public sealed class CalendarAndTimeTests
{
    private static readonly SchoolCalendar Calendar = new(
        [
            new(new SchoolTerm(2026, Semester.Autumn), new(2026, 8, 17), new(2026, 12, 18)),
            new(new SchoolTerm(2027, Semester.Spring), new(2027, 1, 11), new(2027, 6, 11)),
        ],
        [new(2026, 11, 2)]);

    [Theory]
    [InlineData("2026-03-28T22:59:00Z", "2026-03-28")] // 23:59 CET
    [InlineData("2026-03-28T23:00:00Z", "2026-03-29")] // midnight CET
    [InlineData("2026-06-30T22:30:00Z", "2026-07-01")] // 00:30 CEST
    [InlineData("2026-10-25T22:30:00Z", "2026-10-25")] // 23:30 CET, after the change back
    public void Today_is_the_date_in_Sweden_whatever_the_host_time_zone(string utc, string expected)
    {
        var clock = new ManualTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SwedishTime.Today(clock));
    }

    [Theory]
    [InlineData("2026-09-01", "2026-08-17")]
    [InlineData("2026-12-28", "2026-08-17")] // the Christmas break belongs to the autumn term
    [InlineData("2027-01-11", "2027-01-11")]
    public void The_term_start_comes_from_the_calendar(string day, string termStart) =>
        Assert.Equal(DateOnly.Parse(termStart, System.Globalization.CultureInfo.InvariantCulture), SchoolCalendarRules.TermStart(Calendar, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Without_a_calendar_a_default_Swedish_school_year_applies_with_its_breaks()
    {
        var none = SchoolCalendar.Empty;

        Assert.Equal((new DateOnly(2026, 8, 17), new DateOnly(2027, 1, 8)), (SchoolCalendarRules.TermStart(none, new(2026, 10, 1)), SchoolCalendarRules.TermStart(none, new(2027, 3, 1))));
        Assert.True(SchoolCalendarRules.IsSchoolDay(none, new(2026, 10, 23)));
        Assert.False(SchoolCalendarRules.IsSchoolDay(none, new(2026, 10, 28))); // autumn break, week 44
        Assert.False(SchoolCalendarRules.IsSchoolDay(none, new(2027, 2, 24))); // winter sports break, week 8
        Assert.False(SchoolCalendarRules.IsSchoolDay(none, new(2027, 3, 29))); // Easter Monday 2027
        Assert.False(SchoolCalendarRules.IsSchoolDay(none, new(2027, 3, 24))); // Easter week
        Assert.False(SchoolCalendarRules.IsSchoolDay(none, new(2026, 7, 15))); // summer
        Assert.Equal(new DateOnly(2027, 6, 11), SchoolCalendarRules.CurrentTerm(none, new(2027, 5, 3)).End); // Friday of week 23
    }

    [Fact]
    public void School_days_are_counted_over_weekends_and_breaks() =>
        Assert.Equal((new DateOnly(2026, 11, 4), new DateOnly(2026, 10, 26)), (SchoolCalendarRules.AddSchoolDays(Calendar, new(2026, 10, 27), 5), SchoolCalendarRules.AddSchoolDays(Calendar, new(2026, 10, 26), 0)));

    [Fact]
    public void School_days_are_weekdays_in_a_term_that_are_not_days_off()
    {
        Assert.True(SchoolCalendarRules.IsSchoolDay(Calendar, new(2026, 11, 3)));
        Assert.False(SchoolCalendarRules.IsSchoolDay(Calendar, new(2026, 11, 2))); // a study day
        Assert.False(SchoolCalendarRules.IsSchoolDay(Calendar, new(2026, 11, 7))); // Saturday
        Assert.False(SchoolCalendarRules.IsSchoolDay(Calendar, new(2026, 12, 22))); // the break
    }

    [Theory]
    [InlineData("SV", true)]
    [InlineData("SVA", true)]
    [InlineData("HKK", true)]
    [InlineData("M2 SPA", true)]
    [InlineData("ML ARA", true)]
    [InlineData("M3 SPA", false)]
    [InlineData("M2 spa", false)]
    [InlineData("sv", false)]
    [InlineData("GRGRMAT01", false)] // the long subject code is not the short one
    public void Subject_short_codes_are_the_ones_grade_records_carry(string code, bool known) =>
        Assert.Equal(known, SubjectCodes.IsKnown(code));

    [Fact]
    public void Terms_order_spring_before_autumn_within_a_year()
    {
        Assert.True(new SchoolTerm(2026, Semester.Spring) < new SchoolTerm(2026, Semester.Autumn));
        Assert.True(new SchoolTerm(2026, Semester.Autumn) < new SchoolTerm(2027, Semester.Spring));
        Assert.Equal("HT2026", new SchoolTerm(2026, Semester.Autumn).ToString());
    }
}
