namespace PlugInnan.Runtime;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/> to be bound to
/// the state named <paramref name="stateName"/> in the storage provider <paramref name="storageName"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    /// <summary>The name used when no storage provider name is given.</summary>
    public const string DefaultStorageName = "Default";

    public string StateName { get; } = stateName;

    public string StorageName { get; } = storageName ?? DefaultStorageName;
}
