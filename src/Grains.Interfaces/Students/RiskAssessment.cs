namespace PlugInnan.Grains;

/// <summary>One reason behind a risk level: which indicator, its measured value, the threshold it crossed, and since when.</summary>
public sealed record RiskReason(string Indicator, string Value, string Threshold, RiskLevel Level, DateOnly? Since);

/// <summary>The level (the highest of the reasons, or None) and every reason behind it.</summary>
public sealed record RiskAssessment(RiskLevel Level, IReadOnlyList<RiskReason> Reasons);
