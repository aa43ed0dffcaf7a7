namespace PlugInnan.Grains;

/// <summary>
/// A school unit (skolenhet) as SS 12000 describes it: its 8-digit code is the grain key; the
/// municipality code is the 4-digit kommunkod; the organiser is the huvudman.
/// </summary>
public sealed record SchoolProfile(string Name, string MunicipalityCode, string Municipality, string Organiser);
