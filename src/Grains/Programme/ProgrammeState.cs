namespace PlugInnan.Grains.Programme;

/// <summary>The subprojects of a programme, in the order they were added.</summary>
public sealed class ProgrammeState
{
    public List<SubprojectEntry> Subprojects { get; set; } = [];
}
