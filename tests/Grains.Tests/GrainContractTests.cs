using System.Reflection;

namespace PlugInnan.Grains.Tests;

/// <summary>What keeps stored state and calls stable across releases: names and ids, checked over every grain and contract.</summary>
public sealed class GrainContractTests
{
    private static readonly Assembly GrainsAssembly = typeof(StartupLogGrain).Assembly;
    private static readonly Assembly ContractsAssembly = typeof(IStudentGrain).Assembly;

    private static IEnumerable<Type> Grains => GrainsAssembly.GetTypes().Where(t => typeof(Grain).IsAssignableFrom(t) && !t.IsAbstract);

    [Fact]
    public void Every_grain_is_sealed_and_has_a_stable_grain_type_name()
    {
        Assert.NotEmpty(Grains);
        Assert.All(Grains, g =>
        {
            Assert.True(g.IsSealed, $"{g.Name} is not sealed");
            Assert.NotNull(g.GetCustomAttribute<GrainTypeAttribute>());
        });
    }

    [Fact]
    public void State_names_are_unique_across_grain_types_because_Orleans_keys_stored_state_by_name_and_key()
    {
        var names = Grains
            .SelectMany(g => g.GetConstructors().SelectMany(c => c.GetParameters()))
            .Select(p => p.GetCustomAttribute<PersistentStateAttribute>()?.StateName)
            .OfType<string>()
            .ToList();

        Assert.True(names.Count >= 6, string.Join(", ", names));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_serialized_type_has_a_stable_alias_and_every_alias_is_used_once()
    {
        var serialized = new[] { ContractsAssembly, GrainsAssembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is not null)
            .ToList();
        var aliases = serialized.Select(t => t.GetCustomAttribute<AliasAttribute>()?.Alias).ToList();

        Assert.True(serialized.Count >= 30, $"{serialized.Count} serialized types");
        Assert.All(serialized.Zip(aliases), pair => Assert.False(string.IsNullOrEmpty(pair.Second), $"{pair.First.Name} has no [Alias]"));
        Assert.Equal(aliases.Count, aliases.Distinct(StringComparer.Ordinal).Count());
    }
}
