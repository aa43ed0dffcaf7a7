using System.Collections.Concurrent;

namespace PlugInnan.Runtime.Tests.Grains;

public interface ILifecycleGrain : IGrainWithStringKey
{
    Task<Guid> ActivationId();

    Task Deactivate();

    Task<int> Slow(TimeSpan hold);
}

public sealed class LifecycleGrain : Grain, ILifecycleGrain
{
    public static readonly ConcurrentDictionary<string, int> Constructed = new();
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<DeactivationReasonCode>> Deactivations = new();

    private readonly Guid activationId = Guid.NewGuid();

    public LifecycleGrain() => Constructed.AddOrUpdate(this.GetPrimaryKeyString(), 1, (_, n) => n + 1);

    public Task<Guid> ActivationId() => Task.FromResult(activationId);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public async Task<int> Slow(TimeSpan hold)
    {
        await Task.Delay(hold);
        return 42;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Deactivations.GetOrAdd(this.GetPrimaryKeyString(), _ => new()).Enqueue(reason.ReasonCode);
        return Task.CompletedTask;
    }
}
