using System.Text.Json.Serialization;

namespace PlugInnan.Persistence.Tests;

public sealed class ProfileState
{
    public string Name { get; set; } = "";

    public int Count { get; set; }

    public List<string> Tags { get; set; } = [];

    /// <summary>Added "later": rows written before it existed must read with this default.</summary>
    public string Note { get; set; } = "ingen anteckning";
}

public sealed class CounterState
{
    public int Count { get; set; }
}

[JsonSerializable(typeof(ProfileState))]
[JsonSerializable(typeof(CounterState))]
internal sealed partial class TestStateJsonContext : JsonSerializerContext;

/// <summary>What a grain's persistent state hands to the storage provider.</summary>
internal sealed class StateHolder<T> : IGrainState<T>
    where T : new()
{
    public T State { get; set; } = new();

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
