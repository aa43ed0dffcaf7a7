using PlugInnan.Runtime.Tests.Grains;

namespace PlugInnan.Runtime.Tests;

public sealed class KeyTests
{
    [Fact]
    public async Task Guid_and_integer_keys_reach_the_grain_unchanged()
    {
        await using var silo = await RuntimeSilo.StartAsync();
        var guid = Guid.NewGuid();

        Assert.Equal(guid, await silo.GrainFactory.GetGrain<IGuidKeyGrain>(guid).Key());
        Assert.Equal(-42L, await silo.GrainFactory.GetGrain<IIntegerKeyGrain>(-42).Key());
        Assert.Equal(new GrainId("guidkey", guid.ToString("N")), silo.GrainFactory.GetGrain<IGuidKeyGrain>(guid).GetGrainId());
    }

    [Fact]
    public async Task References_to_the_same_grain_are_equal_and_name_it()
    {
        await using var silo = await RuntimeSilo.StartAsync();

        var a = silo.GrainFactory.GetGrain<ICounterGrain>("7");
        var b = silo.GrainFactory.GetGrain<ICounterGrain>("7");

        Assert.Equal(a, b);
        Assert.Equal("counter/7", a.ToString());
        Assert.Throws<ArgumentException>(() => silo.GrainFactory.GetGrain<ICounterGrain>(""));
    }
}
