namespace PlugInnan.Grains.Subprojects;

/// <summary>What a subproject grain stores: figures only, never a student.</summary>
public sealed class SubprojectState
{
    public SubprojectDefinition? Definition { get; set; }

    public SubprojectPlan? Plan { get; set; }

    public Baseline? Baseline { get; set; }

    /// <summary>Weekly digests, oldest first; figures only, already suppressed.</summary>
    public List<SubprojectDigest> Digests { get; set; } = [];
}
