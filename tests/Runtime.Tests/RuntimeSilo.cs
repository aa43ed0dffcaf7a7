using PlugInnan.Runtime.Tests.Grains;
using PlugInnan.TestSupport;

namespace PlugInnan.Runtime.Tests;

/// <summary>A silo with this assembly's test grains and no storage.</summary>
internal static class RuntimeSilo
{
    public static Task<TestSilo> StartAsync(Action<GrainRuntimeOptions>? options = null) =>
        TestSilo.StartAsync(runtime => runtime.AddGrains(typeof(CounterGrain).Assembly), options);

    /// <summary>A fresh key per test, so static probes in test grains never mix tests.</summary>
    public static string NewKey() => Guid.NewGuid().ToString("N");

    /// <summary>Waits for a condition that other threads bring about; fails the test instead of hanging.</summary>
    public static async Task Eventually(Func<bool> condition, string what, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(10);
        }
    }
}
