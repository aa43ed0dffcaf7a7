using System.Collections.Concurrent;

namespace PlugInnan.Runtime.Tests.Grains;

public interface IReentrantGrain : IGrainWithStringKey
{
    /// <summary>Enters, then waits until the test opens the gate for this key.</summary>
    Task<int> EnterAndWait();
}

[Reentrant]
public sealed class ReentrantGrain : Grain, IReentrantGrain
{
    public static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new();
    public static readonly ConcurrentDictionary<string, int> Entered = new();

    private readonly TurnProbe threads = new();

    public async Task<int> EnterAndWait()
    {
        var key = this.GetPrimaryKeyString();
        Entered.AddOrUpdate(key, 1, (_, n) => n + 1);
        await Gates.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        // Interleaving requests still run one piece at a time: this section must never be entered twice at once.
        using (threads.Enter())
        {
            Thread.Sleep(5);
        }

        return threads.MaxConcurrent;
    }
}
