namespace PlugInnan.Runtime;

/// <summary>
/// A storage provider. Registered as a keyed service under its name; grains pick one with
/// <see cref="PersistentStateAttribute.StorageName"/>.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Reads the state, or resets it to a new value with a null ETag when none is stored.</summary>
    Task ReadStateAsync<TState>(
        string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken);

    /// <summary>Writes if the stored version equals <see cref="IGrainState{TState}.ETag"/>; then sets the new ETag.</summary>
    Task WriteStateAsync<TState>(
        string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken);

    /// <summary>Clears under the same version check; the version keeps counting so old ETags stay stale.</summary>
    Task ClearStateAsync<TState>(
        string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken);
}
