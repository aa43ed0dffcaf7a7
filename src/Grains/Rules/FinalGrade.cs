namespace PlugInnan.Grains.Rules;

/// <summary>
/// A final grade in one subject. <paramref name="Subject"/> is SS 12000's short code
/// (<c>subjectDesignation</c>): SV, SVA, EN, MA, BI, …, or a language choice such as <c>M2 SPA</c>.
/// </summary>
[GenerateSerializer, Alias("pluginnan.FinalGrade")]
public sealed record FinalGrade([property: Id(0)] string Subject, [property: Id(1)] string Grade)
{
    /// <summary>Swedish or Swedish as a second language: either satisfies the Swedish requirement.</summary>
    public bool IsSwedish => Subject is "SV" or "SVA";

    /// <summary>A modern language taken as "språkval" (M2): the only grade that may count as a 17th in the merit value.</summary>
    public bool IsLanguageChoice => Subject.StartsWith("M2 ", StringComparison.Ordinal);
}
