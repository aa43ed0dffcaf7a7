using Microsoft.Extensions.Hosting;

namespace PlugInnan.Persistence;

/// <summary>Creates or migrates a storage's schema when the silo starts, before any grain runs.</summary>
internal sealed class GrainStorageInitializer(AdoNetGrainStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureSchemaAsync().WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
