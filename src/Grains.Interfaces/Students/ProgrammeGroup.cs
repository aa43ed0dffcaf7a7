namespace PlugInnan.Grains;

/// <summary>Groups of higher-education preparatory programmes that share eligibility requirements.</summary>
public enum ProgrammeGroup
{
    /// <summary>Ekonomiprogrammet.</summary>
    Economics,

    /// <summary>Humanistiska programmet.</summary>
    Humanities,

    /// <summary>Samhällsvetenskapsprogrammet.</summary>
    SocialScience,

    /// <summary>Naturvetenskapsprogrammet.</summary>
    NaturalScience,

    /// <summary>Teknikprogrammet.</summary>
    Technology,

    /// <summary>Estetiska programmet.</summary>
    Arts,
}
