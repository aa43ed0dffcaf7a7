namespace PlugInnan.Grains.Rules;

/// <summary>
/// Everything the risk assessment may look at: only what the school can act on, never background, sex or origin.
/// </summary>
[GenerateSerializer, Alias("pluginnan.RiskInputs")]
public sealed record RiskInputs(
    [property: Id(0)] AbsenceSummary Absence,
    [property: Id(1)] IReadOnlyList<GradeEntry> Grades,
    [property: Id(2)] IReadOnlyList<SubjectAlert> OpenAlerts,
    [property: Id(3)] ConnectednessCheckIn? LatestCheckIn,
    [property: Id(4)] DateOnly? OpenInvestigationSince,
    [property: Id(5)] DateOnly? MovedToYear7On);
