namespace PlugInnan.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one, waiting on a timer between read and write so that an interleaving would lose updates.</summary>
    Task<int> Increment();

    [ReadOnly]
    Task<int> GetCount();

    /// <summary>The most turns this activation ever saw in flight at once.</summary>
    [ReadOnly]
    Task<int> GetMaxConcurrentTurns();
}

public sealed class CounterGrain : Grain, ICounterGrain
{
    private readonly TurnProbe probe = new();
    private int count;

    public async Task<int> Increment()
    {
        using var turn = probe.Enter();
        var read = count;
        await Task.Delay(1);
        count = read + 1;
        return count;
    }

    public Task<int> GetCount() => Task.FromResult(count);

    public Task<int> GetMaxConcurrentTurns() => Task.FromResult(probe.MaxConcurrent);
}
