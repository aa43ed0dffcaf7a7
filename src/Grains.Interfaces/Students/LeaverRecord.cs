namespace PlugInnan.Grains;

/// <summary>
/// A year-9 student who left at the school-year rollover, with the final eligibility outcome: kept by
/// the school for its figures, and for no longer than the school's retention setting.
/// </summary>
[GenerateSerializer, Alias("pluginnan.LeaverRecord")]
public sealed record LeaverRecord(
    [property: Id(0)] string StudentId,
    [property: Id(1)] string SchoolUnitCode,
    [property: Id(2)] DateOnly LeftOn,
    [property: Id(3)] bool EligibleVocational,
    [property: Id(4)] IReadOnlyList<ProgrammeGroup> EligibleProgrammeGroups,
    [property: Id(5)] double MeritValue);
