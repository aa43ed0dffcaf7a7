namespace PlugInnan.Grains;

/// <summary>What the school the student leaves passed on (skollagen 3 kap. 12 j §).</summary>
[Flags]
public enum HandoverContent
{
    None = 0,
    SupportMeasures = 1,
    ActionProgramme = 2,
    StudyResults = 4,
    AbsenceMeasures = 8,
}

/// <summary>A handover (överlämning) when the student changes school unit, as between year 6 and 7.</summary>
public sealed record Handover(string Id, string FromSchoolUnitCode, string ToSchoolUnitCode, DateOnly Date, HandoverContent PassedOn);
