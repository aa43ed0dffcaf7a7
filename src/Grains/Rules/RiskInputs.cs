namespace PlugInnan.Grains.Rules;

/// <summary>
/// Everything the risk assessment may look at: only what the school can act on, never background, sex or origin.
/// </summary>
public sealed record RiskInputs(
    AbsenceSummary Absence,
    IReadOnlyList<GradeEntry> Grades,
    IReadOnlyList<SubjectAlert> OpenAlerts,
    ConnectednessCheckIn? LatestCheckIn,
    DateOnly? OpenInvestigationSince,
    DateOnly? MovedToYear7On);
