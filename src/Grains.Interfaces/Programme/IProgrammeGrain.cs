namespace PlugInnan.Grains;

/// <summary>A subproject as listed in the programme.</summary>
public sealed record SubprojectEntry(string Id, string Name, string Municipality);

/// <summary>
/// The programme (Plug Innan) as a whole: which subprojects it has. Keyed by the programme's slug;
/// <see cref="Key"/> is the one the silo seeds.
/// </summary>
public interface IProgrammeGrain : IGrainWithStringKey
{
    const string Key = "plug-innan";

    /// <summary>Adds the subprojects not listed yet; listed ones are left as they are. Returns how many were added.</summary>
    Task<int> AddSubprojects(IReadOnlyList<SubprojectEntry> subprojects);

    [ReadOnly]
    Task<IReadOnlyList<SubprojectEntry>> ListSubprojects();
}
