using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace PlugInnan.Persistence;

public static class SiloStorageExtensions
{
    /// <summary>
    /// Orleans' ADO.NET grain storage, as the default storage, on the database in <paramref name="settings"/>
    /// (SQLite or PostgreSQL), with the project's schema applied first, a health check and the API's records
    /// beside it. State is stored in Orleans' binary serialization format (see the README on why).
    /// </summary>
    public static ISiloBuilder AddPlugInnanStorage(this ISiloBuilder silo, StorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var services = silo.Services;
        services.AddSingleton(sp => new StorageDatabase(
            settings, sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaLifecycle>();
        silo.AddAdoNetGrainStorageAsDefault(options => options.Configure<StorageDatabase, Serializer>((o, database, serializer) =>
        {
            o.Invariant = database.Invariant;
            o.DataSource = database.DataSource;
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "storage", sp => new StorageHealthCheck(sp.GetRequiredService<StorageDatabase>()), HealthStatus.Unhealthy, ["storage"], TimeSpan.FromSeconds(5)));
        services.AddApiRecords();
        return silo;
    }

    /// <summary>Membership through Orleans' ADO.NET clustering on the same PostgreSQL database: the silos sharing it form one cluster.</summary>
    public static ISiloBuilder UsePlugInnanClustering(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo.UseAdoNetClustering(options => options.Configure<StorageDatabase>((o, database) =>
        {
            o.Invariant = database.Invariant;
            o.DataSource = database.DataSource;
        }));
    }
}
