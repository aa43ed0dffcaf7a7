namespace PlugInnan.Grains;

/// <summary>The five development areas most subprojects chose, numbered as the programme numbers them.</summary>
public enum DevelopmentArea
{
    /// <summary>Undervisningens kvalitet.</summary>
    TeachingQuality = 1,

    /// <summary>System och rutiner för uppföljning av riskindikatorer.</summary>
    FollowUpOfRiskIndicators = 2,

    /// <summary>Samverkan – skolintern och med externa aktörer.</summary>
    Collaboration = 3,

    /// <summary>Bemötande och relationer.</summary>
    Relationships = 4,

    /// <summary>Trygghet och studiero.</summary>
    SafetyAndCalm = 5,
}
