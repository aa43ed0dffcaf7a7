namespace PlugInnan.Grains.Rules;

/// <summary>A school unit code (skolenhetskod): eight digits, as Skolverket assigns them.</summary>
public static class SchoolUnitCode
{
    public static bool IsValid(string? code) => code is { Length: 8 } && code.All(char.IsAsciiDigit);
}
