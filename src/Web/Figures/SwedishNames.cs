using System.Globalization;
using PlugInnan.Grains;

namespace PlugInnan.Web.Figures;

/// <summary>What the pages call things, in Swedish, each enum member by name in one place.</summary>
public static class SwedishNames
{
    // Decimal comma as in Swedish; the silo runs with invariant globalization, so no sv-SE culture data.
    private static readonly NumberFormatInfo Swedish = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = " " };

    public static string Measure(ProgressMeasure measure) => measure switch
    {
        ProgressMeasure.ProjectedEligibility => "Prognos behörighet yrkesprogram, åk 9",
        ProgressMeasure.AttendanceRate => "Närvaro denna termin",
        ProgressMeasure.FocusGroup => "Elever med förhöjd eller hög risk",
        ProgressMeasure.Connectedness => "Skolanknytning, medel (1–5)",
        ProgressMeasure.ConnectednessBehavioural => "Skolanknytning, beteende",
        ProgressMeasure.ConnectednessAcademic => "Skolanknytning, studier",
        ProgressMeasure.ConnectednessCognitive => "Skolanknytning, kognitiv",
        ProgressMeasure.ConnectednessAffective => "Skolanknytning, känslomässig",
        ProgressMeasure.InterventionsOverdue => "Insatser med passerad uppföljning",
        ProgressMeasure.LeaverEligibility => "Behöriga avgångselever, yrkesprogram",
        _ => measure.ToString(),
    };

    public static string Risk(RiskLevel level) => level switch
    {
        RiskLevel.None => "Ingen risk",
        RiskLevel.Watch => "Bevakas",
        RiskLevel.Elevated => "Förhöjd",
        RiskLevel.High => "Hög",
        _ => level.ToString(),
    };

    public static string Group(ProgrammeGroup group) => group switch
    {
        ProgrammeGroup.Economics => "Ekonomi",
        ProgrammeGroup.Humanities => "Humanistiska",
        ProgrammeGroup.SocialScience => "Samhällsvetenskap",
        ProgrammeGroup.NaturalScience => "Naturvetenskap",
        ProgrammeGroup.Technology => "Teknik",
        ProgrammeGroup.Arts => "Estetiska",
        _ => group.ToString(),
    };

    public static string Area(DevelopmentArea area) => area switch
    {
        DevelopmentArea.TeachingQuality => "Undervisningens kvalitet",
        DevelopmentArea.FollowUpOfRiskIndicators => "Uppföljning av riskindikatorer",
        DevelopmentArea.Collaboration => "Samverkan",
        DevelopmentArea.Relationships => "Relationer",
        DevelopmentArea.SafetyAndCalm => "Trygghet och studiero",
        _ => area.ToString(),
    };

    public static string Level(PreventionLevel level) => level switch
    {
        PreventionLevel.Universal => "Universell",
        PreventionLevel.Targeted => "Selektiv",
        PreventionLevel.Indicated => "Indikerad",
        _ => level.ToString(),
    };

    /// <summary>A value in its measure's unit: a share as a percentage, a mean with one decimal, a count as it is.</summary>
    public static string Value(ProgressMeasure measure, double value) => measure switch
    {
        ProgressMeasure.ProjectedEligibility or ProgressMeasure.AttendanceRate or ProgressMeasure.LeaverEligibility =>
            (value * 100).ToString("0.0", Swedish) + " %",
        ProgressMeasure.FocusGroup or ProgressMeasure.InterventionsOverdue => value.ToString("0", Swedish),
        _ => value.ToString("0.0", Swedish),
    };

    /// <summary>A change in the measure's unit: percentage points for shares.</summary>
    public static string Change(ProgressMeasure measure, double change)
    {
        var sign = change > 0 ? "+" : change < 0 ? "−" : "±";
        var size = Math.Abs(change);
        return measure switch
        {
            ProgressMeasure.ProjectedEligibility or ProgressMeasure.AttendanceRate or ProgressMeasure.LeaverEligibility =>
                sign + (size * 100).ToString("0.0", Swedish) + " procentenheter",
            ProgressMeasure.FocusGroup or ProgressMeasure.InterventionsOverdue => sign + size.ToString("0", Swedish),
            _ => sign + size.ToString("0.0", Swedish),
        };
    }

    public static string Count(int count) => count.ToString("#,0", Swedish);
}
