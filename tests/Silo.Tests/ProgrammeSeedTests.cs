using Microsoft.Data.Sqlite;
using PlugInnan.Grains;
using PlugInnan.Silo.Programme;
using PlugInnan.TestSupport;

namespace PlugInnan.Silo.Tests;

/// <summary>The programme seed from the data file built into the silo, on Orleans and SQLite.</summary>
public sealed class ProgrammeSeedTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pluginnan-seed-").FullName;

    [Fact]
    public async Task The_22_subprojects_are_seeded_once_and_edits_are_never_overwritten()
    {
        var file = ProgrammeFile.Load();
        await using (var silo = await StartAsync())
        {
            Assert.Equal((22, 22), await new ProgrammeSeeder(silo.GrainFactory).SeedAsync(file));
            await silo.GrainFactory.GetGrain<ISubprojectGrain>("grabo-lerum").AddSchool("Lekstorpsskolan", "12345678");
        }

        await using var restarted = await StartAsync();
        Assert.Equal((22, 0), await new ProgrammeSeeder(restarted.GrainFactory).SeedAsync(file));

        var listed = await restarted.GrainFactory.GetGrain<IRegistryGrain>(Registries.Subprojects).List();
        Assert.Equal(22, listed.Count);
        Assert.Equal(15, listed.Select(s => s.Municipality).Distinct().Count()); // as the file's note says
        var grabo = await restarted.GrainFactory.GetGrain<ISubprojectGrain>("grabo-lerum").GetDefinition();
        Assert.Equal(("Gråbo skolenhet", "Lerum"), (grabo!.Name, grabo.Municipality));
        Assert.Equal([DevelopmentArea.FollowUpOfRiskIndicators], grabo.DevelopmentAreas);
        Assert.Equal([("Lekstorpsskolan", "12345678"), ("Ljungviksskolan", null), ("Röselidsskolan", null)], grabo.Schools.Select(s => (s.Name, s.SchoolUnitCode)));
        var tanum = await restarted.GrainFactory.GetGrain<ISubprojectGrain>("tanumskolan-tanum").GetDefinition();
        Assert.Equal(("Tanumskolan", "transition between year 6 and year 7"), (tanum!.Name, tanum.Focus));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private Task<TestSilo> StartAsync() => TestSilo.StartAsync(Path.Combine(folder, "grains.db"));
}
