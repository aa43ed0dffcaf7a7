namespace PlugInnan.Runtime.Core;

/// <summary>The runtime's side of a persistent state: lets the activation load it before OnActivateAsync.</summary>
internal interface IActivationState
{
    Task ReadStateAsync(CancellationToken cancellationToken = default);
}

internal sealed class PersistentState<TState>(string stateName, GrainId grainId, IGrainStorage storage)
    : IPersistentState<TState>, IGrainState<TState>, IActivationState
    where TState : new()
{
    public TState State { get; set; } = new();

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    string? IStorage.Etag => ETag;

    public Task ReadStateAsync(CancellationToken cancellationToken = default) =>
        storage.ReadStateAsync(stateName, grainId, this, cancellationToken);

    public Task WriteStateAsync(CancellationToken cancellationToken = default) =>
        storage.WriteStateAsync(stateName, grainId, this, cancellationToken);

    public Task ClearStateAsync(CancellationToken cancellationToken = default) =>
        storage.ClearStateAsync(stateName, grainId, this, cancellationToken);
}
