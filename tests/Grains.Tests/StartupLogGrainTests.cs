using PlugInnan.TestSupport;

namespace PlugInnan.Grains.Tests;

public sealed class StartupLogGrainTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pluginnan-grains-").FullName;
    private readonly ManualTimeProvider clock = new(new DateTimeOffset(2026, 8, 17, 7, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Each_start_is_counted_and_remembers_the_one_before()
    {
        await using (var silo = await StartAsync())
        {
            var first = await silo.GrainFactory.GetGrain<IStartupLogGrain>("host-a").RecordStart("1.0");
            Assert.Equal(new StartupRecord(1, clock.GetUtcNow(), null, "1.0"), first);
        }

        var firstStart = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromDays(1));
        await using var restarted = await StartAsync();
        var second = await restarted.GrainFactory.GetGrain<IStartupLogGrain>("host-a").RecordStart("1.1");

        Assert.Equal(new StartupRecord(2, clock.GetUtcNow(), firstStart, "1.1"), second);
        Assert.Equal(second, await restarted.GrainFactory.GetGrain<IStartupLogGrain>("host-a").GetLog());
        Assert.Equal(0, (await restarted.GrainFactory.GetGrain<IStartupLogGrain>("host-b").GetLog()).Starts);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private Task<TestSilo> StartAsync() => TestSilo.StartAsync(Path.Combine(folder, "grains.db"), schoolTime: clock);
}
