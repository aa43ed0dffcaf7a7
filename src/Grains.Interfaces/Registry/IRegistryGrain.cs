namespace PlugInnan.Grains;

/// <summary>An entry of a registry: an id, a name and the municipality it belongs to.</summary>
[GenerateSerializer, Alias("pluginnan.RegistryEntry")]
public sealed record RegistryEntry([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string Municipality);

/// <summary>The registries the platform keeps, each one grain keyed by its name.</summary>
public static class Registries
{
    /// <summary>The subprojects, in the order they were added (the programme's 22 first).</summary>
    public const string Subprojects = "subprojects";

    /// <summary>The registered school units.</summary>
    public const string Schools = "schools";
}

/// <summary>
/// A list of what exists of one kind (see <see cref="Registries"/>), so that lists need not scan
/// storage. Small by nature: tens of subprojects, hundreds of schools.
/// </summary>
public interface IRegistryGrain : IGrainWithStringKey
{
    /// <summary>Adds the entries not listed yet and leaves listed ones as they are; returns how many were added.</summary>
    Task<int> AddMissing(IReadOnlyList<RegistryEntry> entries);

    /// <summary>Adds the entry, or replaces the listed one with the same id.</summary>
    Task Put(RegistryEntry entry);

    [ReadOnly]
    Task<IReadOnlyList<RegistryEntry>> List();
}
