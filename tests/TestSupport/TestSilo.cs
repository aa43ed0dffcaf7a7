using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PlugInnan.Runtime;

namespace PlugInnan.TestSupport;

/// <summary>An in-process silo host for tests and benchmarks: the real runtime, hosted as the silo hosts it.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost host;
    private bool stopped;

    private TestSilo(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public IGrainFactory GrainFactory => host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<TestSilo> StartAsync(
        Action<GrainRuntimeBuilder> configureRuntime,
        Action<GrainRuntimeOptions>? configureOptions = null,
        string serviceId = "test",
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.Services.Configure<ClusterOptions>(o => o.ServiceId = serviceId);
        builder.Services.Configure<GrainRuntimeOptions>(o => configureOptions?.Invoke(o));
        configureServices?.Invoke(builder.Services);
        builder.Services.AddGrainRuntime(configureRuntime);
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host);
    }

    /// <summary>Graceful stop: drains and deactivates every grain.</summary>
    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
