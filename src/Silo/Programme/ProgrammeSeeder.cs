using Orleans;
using PlugInnan.Grains;

namespace PlugInnan.Silo.Programme;

/// <summary>
/// Seeds the programme's subprojects from the built-in data file. Only what is not stored yet is
/// added, so running it at every start never overwrites a process leader's edits.
/// </summary>
internal sealed class ProgrammeSeeder(IGrainFactory grains)
{
    /// <returns>How many subprojects the file holds, and how many of them were new.</returns>
    public async Task<(int InFile, int Added)> SeedAsync(ProgrammeFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var added = 0;
        foreach (var subproject in file.Subprojects)
        {
            if (await grains.GetGrain<ISubprojectGrain>(subproject.Id).Seed(Definition(subproject)))
            {
                added++;
            }
        }

        await grains.GetGrain<IRegistryGrain>(Registries.Subprojects).AddMissing(
            [.. file.Subprojects.Select(s => new RegistryEntry(s.Id, Name(s), s.Municipality))]);
        return (file.Subprojects.Count, added);
    }

    private static SubprojectDefinition Definition(SubprojectInfo subproject) => new(
        Name(subproject),
        subproject.Municipality,
        ProcessLeader: null,
        [.. subproject.Schools.Select(name => new SubprojectSchool(name))],
        [.. subproject.DevelopmentAreas.Select(a => (DevelopmentArea)a)],
        SuccessFactors: [],
        subproject.Focus);

    /// <summary>The file names a few subprojects; the others are known by their schools, or by the municipality.</summary>
    private static string Name(SubprojectInfo subproject) =>
        subproject.Name ?? (subproject.Schools.Count > 0 ? string.Join(", ", subproject.Schools) : subproject.Municipality);
}
