using PlugInnan.Runtime.Tests.Grains;

namespace PlugInnan.Runtime.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Getting_a_reference_activates_nothing_until_the_first_call()
    {
        await using var silo = await RuntimeSilo.StartAsync();
        var key = RuntimeSilo.NewKey();

        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>(key);
        Assert.False(LifecycleGrain.Constructed.ContainsKey(key));

        await grain.ActivationId();
        Assert.Equal(1, LifecycleGrain.Constructed[key]);
        Assert.Equal(key, grain.GetPrimaryKeyString());
    }

    [Fact]
    public async Task Concurrent_first_calls_share_one_activation_per_identity()
    {
        await using var silo = await RuntimeSilo.StartAsync();
        var key = RuntimeSilo.NewKey();

        var ids = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            Task.Run(() => silo.GrainFactory.GetGrain<ILifecycleGrain>(key).ActivationId())));

        Assert.Single(ids.Distinct());
        Assert.Equal(1, LifecycleGrain.Constructed[key]);
    }

    [Fact]
    public async Task DeactivateOnIdle_runs_OnDeactivateAsync_and_the_next_call_gets_a_new_activation()
    {
        await using var silo = await RuntimeSilo.StartAsync();
        var key = RuntimeSilo.NewKey();
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>(key);
        var first = await grain.ActivationId();

        await grain.Deactivate();
        await RuntimeSilo.Eventually(() => LifecycleGrain.Deactivations.ContainsKey(key), "the grain has deactivated");

        Assert.NotEqual(first, await grain.ActivationId());
        Assert.Equal([DeactivationReasonCode.ApplicationRequested], LifecycleGrain.Deactivations[key]);
        Assert.Equal(2, LifecycleGrain.Constructed[key]);
    }

    [Fact]
    public async Task Calls_queued_while_a_grain_deactivates_are_served_by_its_next_activation()
    {
        await using var silo = await RuntimeSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>(RuntimeSilo.NewKey());
        await grain.ActivationId();

        var deactivate = grain.Deactivate();
        var during = Enumerable.Range(0, 50).Select(_ => grain.Slow(TimeSpan.Zero)).ToList();
        await deactivate;

        Assert.All(await Task.WhenAll(during).WaitAsync(TimeSpan.FromSeconds(30)), r => Assert.Equal(42, r));
    }

    [Fact]
    public async Task Idle_activation_is_collected_after_the_collection_age()
    {
        await using var silo = await RuntimeSilo.StartAsync(o =>
        {
            o.CollectionAge = TimeSpan.FromMilliseconds(300);
            o.CollectionQuantum = TimeSpan.FromMilliseconds(50);
        });
        var key = RuntimeSilo.NewKey();
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>(key);
        var first = await grain.ActivationId();

        await RuntimeSilo.Eventually(() => LifecycleGrain.Deactivations.ContainsKey(key), "the idle grain is collected");

        Assert.Equal([DeactivationReasonCode.ActivationIdle], LifecycleGrain.Deactivations[key]);
        Assert.NotEqual(first, await grain.ActivationId());
    }

    [Fact]
    public async Task Graceful_shutdown_finishes_calls_in_flight_refuses_new_ones_and_deactivates_everything()
    {
        var silo = await RuntimeSilo.StartAsync();
        var busyKey = RuntimeSilo.NewKey();
        var idleKey = RuntimeSilo.NewKey();
        var busy = silo.GrainFactory.GetGrain<ILifecycleGrain>(busyKey);
        await silo.GrainFactory.GetGrain<ILifecycleGrain>(idleKey).ActivationId();

        var inFlight = busy.Slow(TimeSpan.FromSeconds(2));
        var stopping = silo.StopAsync();

        // New calls from outside are refused as soon as shutdown begins (polled: under load it may take a moment to begin).
        var refused = false;
        for (var attempt = 0; attempt < 1000 && !refused; attempt++)
        {
            try
            {
                await silo.GrainFactory.GetGrain<ILifecycleGrain>(RuntimeSilo.NewKey()).ActivationId();
                await Task.Delay(10);
            }
            catch (SiloUnavailableException)
            {
                refused = true;
            }
        }

        Assert.True(refused, "calls were still accepted long after shutdown began");
        Assert.False(inFlight.IsCompleted, "the call in flight should still be running while new calls are refused");
        Assert.Equal(42, await inFlight);
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([DeactivationReasonCode.ShuttingDown], LifecycleGrain.Deactivations[busyKey]);
        Assert.Equal([DeactivationReasonCode.ShuttingDown], LifecycleGrain.Deactivations[idleKey]);
        await silo.DisposeAsync();
    }
}
