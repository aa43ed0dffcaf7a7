namespace PlugInnan.Persistence.Tests;

/// <summary>A stored state as the silo has it now.</summary>
[GenerateSerializer, Alias("pluginnan.tests.profile")]
public sealed class ProfileState
{
    [Id(0)]
    public string Name { get; set; } = "";

    [Id(1)]
    public int Count { get; set; }

    [Id(2)]
    public List<string> Tags { get; set; } = [];

    /// <summary>Added "later": rows written before it existed must read with this default.</summary>
    [Id(3)]
    public string Note { get; set; } = "ingen anteckning";
}

/// <summary>
/// The same state as an earlier release of the silo had it: no <c>Note</c>, and a field since removed.
/// Its own alias, so both shapes can live in one test assembly; Orleans stores no type name for state
/// whose type is the declared one, so the shapes meet only through their field ids.
/// </summary>
[GenerateSerializer, Alias("pluginnan.tests.profile-v1")]
public sealed class ProfileStateV1
{
    [Id(0)]
    public string Name { get; set; } = "";

    [Id(1)]
    public int Count { get; set; }

    [Id(2)]
    public List<string> Tags { get; set; } = [];

    /// <summary>Removed in the current shape: stored values of it are skipped on read.</summary>
    [Id(9)]
    public Dictionary<string, int> RemovedField { get; set; } = [];
}

[GenerateSerializer, Alias("pluginnan.tests.counter")]
public sealed class CounterState
{
    [Id(0)]
    public int Count { get; set; }
}

/// <summary>What a grain's persistent state hands to the storage provider.</summary>
internal sealed class StateHolder<T> : IGrainState<T>
    where T : new()
{
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public T State { get; set; } = new();

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
