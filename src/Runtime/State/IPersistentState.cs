namespace PlugInnan.Runtime;

/// <summary>Storage operations on one piece of grain state.</summary>
public interface IStorage
{
    /// <summary>The stored version this activation holds, or null when nothing has been stored.</summary>
    string? Etag { get; }

    /// <summary>Whether a state record exists in storage.</summary>
    bool RecordExists { get; }

    /// <summary>Drops the in-memory state and reads it again from storage.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <c>State</c> if storage still holds the version in <see cref="Etag"/>; otherwise throws
    /// <see cref="InconsistentStateException"/> and changes nothing.
    /// </summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Clears the stored state under the same version check, and resets <c>State</c>.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}

/// <summary>Storage operations and the typed state value.</summary>
public interface IStorage<TState> : IStorage
{
    TState State { get; set; }
}

/// <summary>
/// Grain state injected through the grain's constructor with <see cref="PersistentStateAttribute"/>;
/// it is read before <see cref="Grain.OnActivateAsync"/> runs.
/// </summary>
public interface IPersistentState<TState> : IStorage<TState>;
