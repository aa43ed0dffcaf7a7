using System.Text.RegularExpressions;

namespace PlugInnan.Grains.Rules;

/// <summary>
/// Subject short codes as grade records carry them (SS 12000 <c>subjectDesignation</c>, RULES.md):
/// the compulsory school subjects, and M1, M2 or ML followed by an ISO 639-3 language code.
/// </summary>
public static partial class SubjectCodes
{
    private static readonly HashSet<string> Subjects = new(StringComparer.Ordinal)
    {
        "BL", "BI", "DA", "EN", "FY", "GE", "HKK", "HI", "IDH", "JU", "KE", "MA", "MU", "RE", "SH", "SL", "SV", "SVA", "TK", "TN",
    };

    public static bool IsKnown(string? code) => code is not null && (Subjects.Contains(code) || LanguageSubject().IsMatch(code));

    [GeneratedRegex("^(M1|M2|ML) [A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageSubject();
}
