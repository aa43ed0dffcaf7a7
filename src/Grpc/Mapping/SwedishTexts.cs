using System.Globalization;
using PlugInnan.Grains;
using PlugInnan.Grains.Rules;

namespace PlugInnan.Api.Mapping;

/// <summary>What staff read: the reasons behind a risk level and the missing requirements, in Swedish.</summary>
internal static class SwedishTexts
{
    // Decimal comma as in Swedish; the silo runs with invariant globalization, so no sv-SE culture data.
    private static readonly NumberFormatInfo Swedish = new() { NumberDecimalSeparator = "," };

    private static readonly Dictionary<string, string> Subjects = new(StringComparer.Ordinal)
    {
        ["BL"] = "bild", ["BI"] = "biologi", ["DA"] = "dans", ["EN"] = "engelska", ["FY"] = "fysik", ["GE"] = "geografi",
        ["HKK"] = "hem- och konsumentkunskap", ["HI"] = "historia", ["IDH"] = "idrott och hälsa", ["JU"] = "judiska studier",
        ["KE"] = "kemi", ["MA"] = "matematik", ["MU"] = "musik", ["RE"] = "religionskunskap", ["SH"] = "samhällskunskap",
        ["SL"] = "slöjd", ["SV"] = "svenska", ["SVA"] = "svenska som andraspråk", ["TK"] = "teknik", ["TN"] = "teckenspråk",
    };

    public static string Subject(string code) =>
        Subjects.TryGetValue(code, out var name) ? name
        : code.StartsWith("M2 ", StringComparison.Ordinal) ? $"moderna språk, språkval ({code[3..]})"
        : code.StartsWith("M1 ", StringComparison.Ordinal) ? $"moderna språk, elevens val ({code[3..]})"
        : code.StartsWith("ML ", StringComparison.Ordinal) ? $"modersmål ({code[3..]})"
        : code;

    /// <summary>A reason as a mentor reads it.</summary>
    public static string Explain(RiskReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var since = reason.Since is { } day ? $" sedan {day:yyyy-MM-dd}" : "";
        var (indicator, subject) = reason.Indicator.Split(':') is [var i, var s] ? (i, s) : (reason.Indicator, "");
        return indicator switch
        {
            RiskRules.AbsenceWindow =>
                $"Frånvaro {Percent(reason.Value)} av schemalagd tid under den senaste perioden (gräns {Percent(reason.Threshold)}), första frånvaron{since}.",
            RiskRules.ConsecutiveAbsence =>
                $"Frånvaro {reason.Value} skoldagar i rad (gräns {reason.Threshold}){since}.",
            RiskRules.CoreSubjectGrade =>
                $"Betyget {reason.Value} i {Subject(subject)} är inte godkänt; minst E krävs för behörighet till gymnasiet.",
            RiskRules.VocationalProjection =>
                "Med nuvarande betyg blir eleven inte behörig till något yrkesprogram.",
            RiskRules.OpenSubjectAlert =>
                $"En lärare har signalerat risk att inte nå godkänt i {Subject(subject)}{since}.",
            RiskRules.Connectedness =>
                $"Låg skolanknytning: medelvärde {Number(reason.Value)} av 5 (gräns {Number(reason.Threshold)}) vid avstämningen{since}.",
            RiskRules.OpenInvestigation =>
                $"En utredning av frånvaron (7 kap. 19 a § skollagen) pågår{since}.",
            RiskRules.Transition =>
                $"Eleven är inne i de första {reason.Threshold.Replace(" weeks", "", StringComparison.Ordinal)} veckorna efter övergången till årskurs 7{since}; varningen höjs ett steg.",
            _ => $"{reason.Indicator}: {reason.Value} (gräns {reason.Threshold}){since}.",
        };
    }

    /// <summary>A missing eligibility requirement as a mentor reads it.</summary>
    public static string Explain(MissingRequirement missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        var subjects = string.Join(", ", missing.Subjects.Select(Subject));
        return missing.Kind switch
        {
            RequirementKind.Pass => $"Godkänt betyg i {string.Join(" eller ", missing.Subjects.Select(Subject))}.",
            RequirementKind.MoreSubjectsForVocational =>
                $"{missing.Count} fler godkända ämnen utöver svenska/svenska som andraspråk, engelska och matematik för yrkesprogram.",
            RequirementKind.MoreSubjectsForPreparatory =>
                $"{missing.Count} fler godkända ämnen utöver svenska/svenska som andraspråk, engelska och matematik för högskoleförberedande program.",
            RequirementKind.SocialSubjects =>
                $"Godkänt betyg i {subjects} för ekonomi-, humanistiska och samhällsvetenskapsprogrammet.",
            RequirementKind.ScienceSubjects =>
                $"Godkänt betyg i {subjects} för naturvetenskaps- och teknikprogrammet.",
            _ => missing.ToString(),
        };
    }

    private static string Percent(string share) =>
        double.TryParse(share, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? (value * 100).ToString("0.#", Swedish) + " %" : share;

    private static string Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number.ToString("0.##", Swedish) : value;
}
