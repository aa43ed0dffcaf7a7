namespace PlugInnan.Grains.Registry;

/// <summary>A registry's entries, in the order they were added.</summary>
[GenerateSerializer, Alias("pluginnan.RegistryState")]
public sealed class RegistryState
{
    [Id(0)]
    public List<RegistryEntry> Entries { get; set; } = [];
}
