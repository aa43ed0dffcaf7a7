namespace PlugInnan.Grains.Rules;

/// <summary>
/// Merit value (meritvärde): the sum of the 16 best final grades, plus a modern language taken as
/// språkval (M2) as a 17th. Mother tongue (ML) and a language as elevens val (M1) count among the 16
/// but never as the 17th. Max 320, or 340 with the 17th.
/// </summary>
public static class MeritValue
{
    private const int BestGrades = 16;

    public static double Calculate(IEnumerable<FinalGrade> grades, IGradingScale scale)
    {
        var list = grades.ToList();
        foreach (var grade in list.Where(g => !scale.IsValid(g.Grade)))
        {
            throw new ArgumentException($"Grade '{grade.Grade}' in {grade.Subject} is not on the {scale.Name} scale.", nameof(grades));
        }

        // The M2 language is the 17th grade; the 16 are counted among the other subjects.
        var sixteen = list.Where(g => !g.IsLanguageChoice).Select(g => scale.Points(g.Grade)).OrderDescending().Take(BestGrades).Sum();
        var seventeenth = list.Where(g => g.IsLanguageChoice).Select(g => scale.Points(g.Grade)).DefaultIfEmpty(0).Max();
        return sixteen + seventeenth;
    }
}
