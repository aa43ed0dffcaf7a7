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
[GenerateSerializer, Alias("pluginnan.Handover")]
public sealed record Handover([property: Id(0)] string Id, [property: Id(1)] string FromSchoolUnitCode, [property: Id(2)] string ToSchoolUnitCode, [property: Id(3)] DateOnly Date, [property: Id(4)] HandoverContent PassedOn);
