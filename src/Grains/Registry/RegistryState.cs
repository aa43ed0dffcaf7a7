namespace PlugInnan.Grains.Registry;

/// <summary>A registry's entries, in the order they were added.</summary>
public sealed class RegistryState
{
    public List<RegistryEntry> Entries { get; set; } = [];
}
