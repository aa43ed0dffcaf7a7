using PlugInnan.Runtime.Tests.Grains;

namespace PlugInnan.Runtime.Tests;

public sealed class ExceptionTests
{
    [Fact]
    public async Task Exception_thrown_after_an_await_reaches_the_caller_with_its_own_type_and_message()
    {
        await using var silo = await RuntimeSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IFailingGrain>(RuntimeSilo.NewKey());

        var error = await Assert.ThrowsAsync<GradeRuleException>(() => grain.ThrowAfterAwait("betyget saknas"));

        Assert.Equal("betyget saknas", error.Message);
        Assert.Equal("hej", await grain.Hello());
    }

    [Fact]
    public async Task Exception_thrown_synchronously_reaches_the_caller_as_a_faulted_task_with_its_own_type()
    {
        await using var silo = await RuntimeSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IFailingGrain>(RuntimeSilo.NewKey());

        var call = grain.ThrowBeforeAnyAwait("för stort");
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => call);

        Assert.True(call.IsFaulted);
        Assert.Equal("message", error.ParamName);
        Assert.StartsWith("för stort", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_activation_surfaces_its_exception_and_the_next_call_activates_again()
    {
        await using var silo = await RuntimeSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IFlakyActivationGrain>(RuntimeSilo.NewKey());

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => grain.Attempts());
        Assert.Equal("activation attempt 1 failed", error.Message);

        Assert.Equal(2, await grain.Attempts());
    }
}
