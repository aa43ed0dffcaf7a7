namespace PlugInnan.Grains.Rules;

/// <summary>The grade that counts now in each subject: the one of the latest term, among those registered by a day.</summary>
public static class CurrentGrades
{
    public static List<GradeEntry> Of(IEnumerable<GradeEntry> grades, DateOnly today) =>
        [.. grades
            .Where(g => g.RegisteredOn <= today)
            .GroupBy(g => g.Subject, StringComparer.Ordinal)
            .Select(g => g.MaxBy(e => e.Term)!)
            .OrderBy(g => g.Subject, StringComparer.Ordinal)];
}
