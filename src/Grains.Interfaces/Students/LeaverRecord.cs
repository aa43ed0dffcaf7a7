namespace PlugInnan.Grains;

/// <summary>
/// A year-9 student who left at the school-year rollover, with the final eligibility outcome: kept by
/// the school for its figures, and for no longer than the school's retention setting.
/// </summary>
public sealed record LeaverRecord(
    string StudentId,
    string SchoolUnitCode,
    DateOnly LeftOn,
    bool EligibleVocational,
    IReadOnlyList<ProgrammeGroup> EligibleProgrammeGroups,
    double MeritValue);
