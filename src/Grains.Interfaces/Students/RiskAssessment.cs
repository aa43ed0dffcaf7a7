namespace PlugInnan.Grains;

/// <summary>One reason behind a risk level: which indicator, its measured value, the threshold it crossed, and since when.</summary>
[GenerateSerializer, Alias("pluginnan.RiskReason")]
public sealed record RiskReason([property: Id(0)] string Indicator, [property: Id(1)] string Value, [property: Id(2)] string Threshold, [property: Id(3)] RiskLevel Level, [property: Id(4)] DateOnly? Since);

/// <summary>The level (the highest of the reasons, or None) and every reason behind it.</summary>
[GenerateSerializer, Alias("pluginnan.RiskAssessment")]
public sealed record RiskAssessment([property: Id(0)] RiskLevel Level, [property: Id(1)] IReadOnlyList<RiskReason> Reasons);
