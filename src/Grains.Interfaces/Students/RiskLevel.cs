namespace PlugInnan.Grains;

/// <summary>How urgently a student needs attention; ordered, so the highest reason sets the level.</summary>
public enum RiskLevel
{
    None,
    Watch,
    Elevated,
    High,
}
