using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;
using Orleans.TestingHost;
using PlugInnan.Grains;
using PlugInnan.Persistence;

namespace PlugInnan.TestSupport;

/// <summary>
/// Orleans' in-process test cluster with the platform's grains on the real ADO.NET storage (SQLite or
/// PostgreSQL), for tests and benchmarks. The domain reads <see cref="SchoolClock"/>, which a test may
/// drive; Orleans keeps the system clock.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly InProcessTestCluster cluster;
    private bool stopped;

    private TestSilo(InProcessTestCluster cluster) => this.cluster = cluster;

    /// <summary>The first silo's services: what the gRPC services and jobs resolve in the real silo.</summary>
    public IServiceProvider Services => cluster.Silos[0].ServiceProvider;

    /// <summary>Grain calls from inside the first silo, as the silo's own services make them.</summary>
    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    public static Task<TestSilo> StartAsync(string sqliteFile, TimeProvider? schoolTime = null, Action<IServiceCollection>? configureServices = null, string serviceId = "test") =>
        StartAsync(new StorageSettings { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={sqliteFile}" }, schoolTime, configureServices, serviceId);

    public static async Task<TestSilo> StartAsync(
        StorageSettings storage,
        TimeProvider? schoolTime = null,
        Action<IServiceCollection>? configureServices = null,
        string serviceId = "test",
        Action<ISiloBuilder>? configureSilo = null,
        int silos = 1)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.Options.ServiceId = serviceId;
        builder.Options.ClusterId = $"{serviceId}-{Guid.NewGuid():N}";
        builder.Options.ConfigureFileLogging = false; // no log files in the working folder; warnings go to the console
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Logging.AddFilter(level => level >= LogLevel.Warning);
            host.Services.AddSingleton(new SchoolClock(schoolTime ?? TimeProvider.System));
            configureServices?.Invoke(host.Services);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddPlugInnanStorage(storage);
            configureSilo?.Invoke(silo);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new TestSilo(cluster);
    }

    /// <summary>Graceful stop: every activation is deactivated, so state written on deactivation is stored.</summary>
    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await cluster.StopAllSilosAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await cluster.DisposeAsync();
    }
}
