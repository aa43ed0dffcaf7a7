using PlugInnan.Runtime.Tests.Grains;

namespace PlugInnan.Runtime.Tests;

public sealed class TimerTests
{
    [Fact]
    public async Task Timer_ticks_never_overlap_even_when_a_tick_outlasts_the_period()
    {
        await using var silo = await RuntimeSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<ITimerGrain>(RuntimeSilo.NewKey());

        await grain.Start(period: TimeSpan.FromMilliseconds(5), tickWork: TimeSpan.FromMilliseconds(40));
        await RuntimeSilo.Eventually(() => grain.Report().Result.Ticks >= 5, "five ticks have run");
        var report = await grain.Report();

        Assert.Equal(1, report.MaxConcurrentTicks);
        Assert.Equal(0, report.TicksBesideRequests);
    }

    [Fact]
    public async Task Timer_dies_with_its_activation()
    {
        await using var silo = await RuntimeSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<ITimerGrain>(RuntimeSilo.NewKey());
        await grain.Start(period: TimeSpan.FromMilliseconds(10), tickWork: TimeSpan.Zero);
        await RuntimeSilo.Eventually(() => grain.Report().Result.Ticks >= 2, "the timer ticks");

        await grain.Deactivate();
        await Task.Delay(300);

        Assert.Equal(0, TimerGrain.TicksAfterDeactivation);
        Assert.Equal(0, (await grain.Report()).Ticks); // a new activation, with no timer of its own
    }
}
