namespace PlugInnan.Grains.Rules;

/// <summary>
/// Absence figures from lesson records (RULES.md, "Absence"): any reason counts towards the rates,
/// as in early-warning practice ("chronic absence" is 10 % or more of scheduled time); invalid
/// absence is counted apart because the guardians must be told the same day (skollagen 7 kap. 17 §).
/// </summary>
public static class AbsenceRules
{
    /// <param name="lessons">The student's lesson records; a later record for the same (date, lesson) replaces an earlier one.</param>
    /// <param name="today">The day the figures are for; later records are ignored.</param>
    /// <param name="termStart">First day of the current term.</param>
    /// <param name="windowDays">Length of the rolling window in calendar days (default setting: 28, four weeks).</param>
    public static AbsenceSummary Summarize(IEnumerable<LessonAttendance> lessons, DateOnly today, DateOnly termStart, int windowDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 1);
        var current = new Dictionary<(DateOnly, string), LessonAttendance>();
        foreach (var lesson in lessons)
        {
            if (lesson.Date <= today)
            {
                current[(lesson.Date, lesson.LessonId)] = lesson;
            }
        }

        var windowStart = today.AddDays(1 - windowDays);
        var window = current.Values.Where(l => l.Date >= windowStart).ToList();
        var term = current.Values.Where(l => l.Date >= termStart).ToList();

        var days = current.Values
            .GroupBy(l => l.Date)
            .Select(g => (Date: g.Key, Absent: g.Sum(l => l.AbsentMinutes) > 0))
            .OrderByDescending(d => d.Date)
            .ToList();
        var streak = days.TakeWhile(d => d.Absent).ToList();

        return new AbsenceSummary(
            Rate(window),
            Rate(term),
            term.Sum(l => l.InvalidAbsenceMinutes),
            streak.Count,
            streak.Count > 0 ? streak[^1].Date : null,
            window.Where(l => l.AbsentMinutes > 0).Select(l => (DateOnly?)l.Date).Min());
    }

    private static double Rate(List<LessonAttendance> lessons)
    {
        var scheduled = lessons.Sum(l => l.ScheduledMinutes);
        return scheduled == 0 ? 0 : (double)lessons.Sum(l => l.AbsentMinutes) / scheduled;
    }
}
