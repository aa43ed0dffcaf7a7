using System.Collections.Concurrent;

namespace PlugInnan.Runtime.Tests.Grains;

public interface IGateGrain : IGrainWithStringKey
{
    /// <summary>Waits until the test opens the gate for this key.</summary>
    Task<int> Wait();

    /// <summary>How many waits have been served; may run beside a waiting request.</summary>
    [AlwaysInterleave]
    Task<int> Served();
}

public sealed class GateGrain : Grain, IGateGrain
{
    public static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new();
    public static readonly ConcurrentDictionary<string, int> Entered = new();

    private int served;

    public async Task<int> Wait()
    {
        Entered.AddOrUpdate(this.GetPrimaryKeyString(), 1, (_, n) => n + 1);
        await Gates.GetOrAdd(this.GetPrimaryKeyString(), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        return ++served;
    }

    public Task<int> Served() => Task.FromResult(served);
}
