namespace PlugInnan.Grains.Subprojects;

/// <summary>What a subproject grain stores: figures only, never a student.</summary>
[GenerateSerializer, Alias("pluginnan.SubprojectState")]
public sealed class SubprojectState
{
    [Id(0)]
    public SubprojectDefinition? Definition { get; set; }

    [Id(1)]
    public SubprojectPlan? Plan { get; set; }

    [Id(2)]
    public Baseline? Baseline { get; set; }

    /// <summary>Weekly digests, oldest first; figures only, already suppressed.</summary>
    [Id(3)]
    public List<SubprojectDigest> Digests { get; set; } = [];
}
