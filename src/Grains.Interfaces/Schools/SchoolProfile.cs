namespace PlugInnan.Grains;

/// <summary>
/// A school unit (skolenhet) as SS 12000 describes it: its 8-digit code is the grain key; the
/// municipality code is the 4-digit kommunkod; the organiser is the huvudman.
/// </summary>
[GenerateSerializer, Alias("pluginnan.SchoolProfile")]
public sealed record SchoolProfile([property: Id(0)] string Name, [property: Id(1)] string MunicipalityCode, [property: Id(2)] string Municipality, [property: Id(3)] string Organiser);
