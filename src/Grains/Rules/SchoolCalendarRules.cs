namespace PlugInnan.Grains.Rules;

/// <summary>
/// Which term a day belongs to and whether it is a school day, from the school's calendar; a school
/// that has set none follows a default Swedish school year (<see cref="DefaultYear"/>).
/// </summary>
public static class SchoolCalendarRules
{
    // The default calendar around a year is asked for on every school-day question: build it once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, SchoolCalendar> DefaultAround = new();

    /// <summary>The school's calendar, or the default school years around <paramref name="day"/> when it has none.</summary>
    public static SchoolCalendar Effective(SchoolCalendar calendar, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (calendar.Terms.Count > 0)
        {
            return calendar;
        }

        return DefaultAround.GetOrAdd(day.Year, static year =>
        {
            var years = new[] { DefaultYear(year - 1), DefaultYear(year), DefaultYear(year + 1) };
            return new SchoolCalendar([.. years.SelectMany(y => y.Terms)], [.. years.SelectMany(y => y.DaysOff)]);
        });
    }

    /// <summary>
    /// The year whose autumn begins the school year <paramref name="day"/> falls in: the platform's school
    /// year runs from 1 July (the day of the rollover) to 30 June.
    /// </summary>
    public static int AutumnYear(DateOnly day) => day.Month >= 7 ? day.Year : day.Year - 1;

    /// <summary>
    /// A default Swedish school year starting in August of <paramref name="autumnYear"/>: autumn term
    /// from the Monday of week 34 to 20 December, spring term from 8 January to the Friday of week 23,
    /// with the autumn break (week 44), the winter sports break (week 8, as in Västra Götaland) and
    /// Easter week off. Local choices differ; a school sets its own with its calendar.
    /// </summary>
    public static SchoolCalendar DefaultYear(int autumnYear)
    {
        var spring = autumnYear + 1;
        var autumnStart = MondayOfWeek(autumnYear, 34);
        var terms = new[]
        {
            new TermDates(new SchoolTerm(autumnYear, Semester.Autumn), autumnStart, new DateOnly(autumnYear, 12, 20)),
            new TermDates(new SchoolTerm(spring, Semester.Spring), new DateOnly(spring, 1, 8), MondayOfWeek(spring, 23).AddDays(4)),
        };
        var easterMonday = EasterSunday(spring).AddDays(1);
        var daysOff = Week(MondayOfWeek(autumnYear, 44))
            .Concat(Week(MondayOfWeek(spring, 8)))
            .Concat(Week(easterMonday.AddDays(-7)).Append(easterMonday)) // the week before Easter Monday, and Easter Monday
            .Distinct()
            .Order()
            .ToList();
        return new SchoolCalendar(terms, daysOff);
    }

    /// <summary>
    /// The first day of the term running on <paramref name="today"/>, or of the last one before it (a
    /// holiday belongs to the term before).
    /// </summary>
    public static DateOnly TermStart(SchoolCalendar calendar, DateOnly today) => CurrentTerm(calendar, today).Start;

    /// <summary>The term running on <paramref name="today"/>, or the last one that started before it.</summary>
    public static TermDates CurrentTerm(SchoolCalendar calendar, DateOnly today)
    {
        var effective = Effective(calendar, today);
        return effective.Terms.Where(t => t.Start <= today).MaxBy(t => t.Start) ?? effective.Terms.MinBy(t => t.Start)!;
    }

    /// <summary>A weekday within a term and not a day off.</summary>
    public static bool IsSchoolDay(SchoolCalendar calendar, DateOnly day)
    {
        var effective = Effective(calendar, day);
        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
            && !effective.DaysOff.Contains(day)
            && effective.Terms.Any(t => t.Start <= day && day <= t.End);
    }

    /// <summary>The school day <paramref name="schoolDays"/> school days after <paramref name="day"/> (0: the day itself).</summary>
    public static DateOnly AddSchoolDays(SchoolCalendar calendar, DateOnly day, int schoolDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(schoolDays);
        var at = day;
        for (var counted = 0; counted < schoolDays;)
        {
            at = at.AddDays(1);
            if (IsSchoolDay(calendar, at))
            {
                counted++;
            }

            if (at > day.AddYears(1))
            {
                break; // a calendar with no school days ahead: stop a year on
            }
        }

        return at;
    }

    private static DateOnly MondayOfWeek(int year, int week) => DateOnly.FromDateTime(System.Globalization.ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));

    private static IEnumerable<DateOnly> Week(DateOnly monday) => Enumerable.Range(0, 5).Select(monday.AddDays);

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous algorithm).</summary>
    private static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
