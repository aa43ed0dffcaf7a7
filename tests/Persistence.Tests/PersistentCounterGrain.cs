using Orleans.Storage;

namespace PlugInnan.Persistence.Tests;

public interface IPersistentCounterGrain : IGrainWithStringKey
{
    Task<int> Add(int amount);

    /// <summary>Adds, and on a write conflict re-reads the state and tries again.</summary>
    Task<int> AddWithRetry(int amount);

    Task<int> GetCount();

    Task Reload();

    Task<Guid> ActivationId();
}

[GrainType("persistent-counter")]
public sealed class PersistentCounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, IPersistentCounterGrain
{
    /// <summary>Deactivations per key, so tests can see idle collection happen.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Deactivations = new();

    private readonly Guid activationId = Guid.NewGuid();

    public async Task<int> Add(int amount)
    {
        state.State.Count += amount;
        await state.WriteStateAsync();
        return state.State.Count;
    }

    public async Task<int> AddWithRetry(int amount)
    {
        while (true)
        {
            try
            {
                return await Add(amount);
            }
            catch (InconsistentStateException)
            {
                await state.ReadStateAsync();
            }
        }
    }

    public Task<int> GetCount() => Task.FromResult(state.State.Count);

    public Task Reload() => state.ReadStateAsync();

    public Task<Guid> ActivationId() => Task.FromResult(activationId);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Deactivations.AddOrUpdate($"{this.GetPrimaryKeyString()}", 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
