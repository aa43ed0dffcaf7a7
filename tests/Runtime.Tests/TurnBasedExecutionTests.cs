using PlugInnan.Runtime.Tests.Grains;

namespace PlugInnan.Runtime.Tests;

public sealed class TurnBasedExecutionTests
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Thousand_concurrent_increments_on_one_grain_give_exactly_one_thousand()
    {
        await using var silo = await RuntimeSilo.StartAsync();
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>(RuntimeSilo.NewKey());

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => counter.Increment()))).WaitAsync(Watchdog);

        Assert.Equal(1000, await counter.GetCount());
        Assert.Equal(Enumerable.Range(1, 1000), results.Order());
        Assert.Equal(1, await counter.GetMaxConcurrentTurns());
    }

    [Fact]
    public async Task Read_only_calls_overlap_and_never_run_beside_a_writer()
    {
        await using var silo = await RuntimeSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IReaderWriterGrain>(RuntimeSilo.NewKey());
        var hold = TimeSpan.FromMilliseconds(30);

        var calls = Enumerable.Range(0, 40).Select(i => i % 8 == 7 ? grain.Write(hold) : grain.Read(hold)).ToList();
        await Task.WhenAll(calls).WaitAsync(Watchdog);
        var report = await grain.Report();

        Assert.True(report.MaxReadersTogether > 1, $"read-only calls never overlapped (max {report.MaxReadersTogether})");
        Assert.Equal(0, report.WritesBesideOthers);
    }

    [Fact]
    public async Task Reentrant_grain_interleaves_requests_at_awaits_but_runs_one_piece_at_a_time()
    {
        await using var silo = await RuntimeSilo.StartAsync();
        var key = RuntimeSilo.NewKey();
        var grain = silo.GrainFactory.GetGrain<IReentrantGrain>(key);

        var calls = Enumerable.Range(0, 3).Select(_ => grain.EnterAndWait()).ToList();
        await RuntimeSilo.Eventually(() => ReentrantGrain.Entered.GetValueOrDefault(key) == 3, "all three requests are inside the grain at once");
        ReentrantGrain.Gates[key].SetResult();
        var maxThreads = await Task.WhenAll(calls).WaitAsync(Watchdog);

        Assert.All(maxThreads, max => Assert.Equal(1, max));
    }

    [Fact]
    public async Task Non_reentrant_grain_admits_the_next_request_only_after_the_previous_completes()
    {
        await using var silo = await RuntimeSilo.StartAsync();
        var key = RuntimeSilo.NewKey();
        var grain = silo.GrainFactory.GetGrain<IGateGrain>(key);

        var first = grain.Wait();
        var second = grain.Wait();
        await RuntimeSilo.Eventually(() => GateGrain.Entered.GetValueOrDefault(key) >= 1, "the first request is inside");
        await Task.Delay(100);
        Assert.Equal(1, GateGrain.Entered[key]);
        Assert.False(second.IsCompleted);

        GateGrain.Gates[key].SetResult();
        var served = await Task.WhenAll(first, second).WaitAsync(Watchdog);
        Assert.Equal(new[] { 1, 2 }, served);
    }

    [Fact]
    public async Task AlwaysInterleave_method_runs_while_a_request_waits_inside_a_non_reentrant_grain()
    {
        await using var silo = await RuntimeSilo.StartAsync();
        var key = RuntimeSilo.NewKey();
        var grain = silo.GrainFactory.GetGrain<IGateGrain>(key);

        var blocked = grain.Wait();
        await RuntimeSilo.Eventually(() => GateGrain.Entered.GetValueOrDefault(key) == 1, "the first request is inside");

        Assert.Equal(0, await grain.Served().WaitAsync(Watchdog));
        Assert.False(blocked.IsCompleted);
        GateGrain.Gates[key].SetResult();
        Assert.Equal(1, await blocked.WaitAsync(Watchdog));
    }

    [Fact]
    public async Task Call_cycle_between_non_reentrant_grains_ends_in_TimeoutException_within_the_response_timeout()
    {
        await using var silo = await RuntimeSilo.StartAsync(o => o.ResponseTimeout = TimeSpan.FromSeconds(1));
        var a = RuntimeSilo.NewKey();
        var b = RuntimeSilo.NewKey();
        var grainA = silo.GrainFactory.GetGrain<ICycleGrain>(a);

        var cycle = grainA.CallThrough(b, a);
        var error = await Assert.ThrowsAsync<TimeoutException>(() => cycle.WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Contains("call cycle", error.Message, StringComparison.Ordinal);
        await grainA.Ping().WaitAsync(Watchdog); // the grain is usable again afterwards
    }
}
