using PlugInnan.Runtime.Tests.Grains;

namespace PlugInnan.Runtime.Tests;

public sealed class OverloadTests
{
    [Fact]
    public async Task Call_beyond_the_queue_limit_fails_with_GrainOverloadedException_and_the_rest_complete()
    {
        await using var silo = await RuntimeSilo.StartAsync(o => o.MaxQueuedRequests = 10);
        var key = RuntimeSilo.NewKey();
        var grain = silo.GrainFactory.GetGrain<IGateGrain>(key);

        var accepted = new List<Task<int>> { grain.Wait() };
        await RuntimeSilo.Eventually(() => GateGrain.Gates.ContainsKey(key), "the first call is running");
        accepted.AddRange(Enumerable.Range(0, 10).Select(_ => grain.Wait())); // ten waiting
        var error = await Assert.ThrowsAsync<GrainOverloadedException>(() => grain.Wait());
        Assert.Contains("10 requests waiting", error.Message, StringComparison.Ordinal);

        GateGrain.Gates[key].SetResult();
        Assert.Equal(Enumerable.Range(1, 11), (await Task.WhenAll(accepted).WaitAsync(TimeSpan.FromSeconds(30))).Order());
    }
}
