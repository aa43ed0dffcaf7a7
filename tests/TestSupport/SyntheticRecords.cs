using PlugInnan.Grains;

namespace PlugInnan.TestSupport;

/// <summary>A benchmark student's records, the same in every benchmark: the numbers depend only on the student's index and the days.</summary>
public static class SyntheticRecords
{
    /// <summary>The weekdays among the <paramref name="calendarDays"/> days up to <paramref name="today"/>.</summary>
    public static List<DateOnly> Weekdays(DateOnly today, int calendarDays) =>
        [.. Enumerable.Range(0, calendarDays).Select(d => today.AddDays(-d)).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))];

    /// <summary>Six one-hour lessons a day; student <paramref name="student"/> misses one in 5 to 24 (some miss a lot, most a little), without a valid reason.</summary>
    public static List<LessonAttendance> Lessons(IEnumerable<DateOnly> days, int student)
    {
        var absentEvery = 5 + (student % 20);
        return [.. days.SelectMany(d => Enumerable.Range(1, 6).Select(n =>
        {
            var absent = (d.DayNumber + n + student) % absentEvery == 0;
            return new LessonAttendance(d, $"L{n}", 60, absent ? 0 : 60, 0, absent ? 60 : 0);
        }))];
    }

    /// <summary>An active intervention started a month ago, its follow-up due 0 to 19 days ago.</summary>
    public static Intervention Intervention(DateOnly today, int student) =>
        new("iv_1", PreventionLevel.Indicated, DevelopmentArea.Relationships, [], "Samtal", "mentor", today.AddDays(-30), today.AddDays(-(student % 20)), InterventionStatus.Active);
}
