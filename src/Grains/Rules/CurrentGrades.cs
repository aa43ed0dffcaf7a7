namespace PlugInnan.Grains.Rules;

/// <summary>The grade that counts now in each subject: the latest given on or before a day.</summary>
public static class CurrentGrades
{
    public static List<GradeEntry> Of(IEnumerable<GradeEntry> grades, DateOnly today) =>
        [.. grades
            .Where(g => g.GivenOn <= today)
            .GroupBy(g => g.Subject, StringComparer.Ordinal)
            .Select(g => g.MaxBy(e => e.GivenOn)!)];
}
