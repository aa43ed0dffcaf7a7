namespace PlugInnan.Grains;

/// <summary>The five success factors of Plug In.</summary>
public enum SuccessFactor
{
    /// <summary>Bemötande.</summary>
    Treatment = 1,

    /// <summary>Samverkan.</summary>
    Collaboration = 2,

    /// <summary>Koll och uppföljning.</summary>
    TrackingAndFollowUp = 3,

    /// <summary>Flexibilitet.</summary>
    Flexibility = 4,

    /// <summary>Individcentrerat arbetssätt.</summary>
    IndividualCentred = 5,
}
