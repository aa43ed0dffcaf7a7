namespace PlugInnan.Grains.Rules;

/// <summary>Which term a day belongs to and whether it is a school day, from the school's calendar.</summary>
public static class SchoolCalendarRules
{
    /// <summary>
    /// The first day of the term running on <paramref name="today"/>, or of the last one before it (a
    /// holiday belongs to the term before). Without a calendar: 1 August or 1 January, whichever came last.
    /// </summary>
    public static DateOnly TermStart(SchoolCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var started = calendar.Terms.Where(t => t.Start <= today).MaxBy(t => t.Start);
        return started?.Start ?? (today.Month >= 8 ? new DateOnly(today.Year, 8, 1) : new DateOnly(today.Year, 1, 1));
    }

    /// <summary>A weekday within a term and not a day off; without a calendar, any weekday.</summary>
    public static bool IsSchoolDay(SchoolCalendar calendar, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || calendar.DaysOff.Contains(day))
        {
            return false;
        }

        return calendar.Terms.Count == 0 || calendar.Terms.Any(t => t.Start <= day && day <= t.End);
    }
}
