using System.Net;
using Orleans.Configuration;
using PlugInnan.Grains;
using PlugInnan.Persistence;
using PlugInnan.Silo.Settings;

namespace PlugInnan.Silo;

public static class SiloRuntimeExtensions
{
    /// <summary>
    /// Orleans with the platform's grains and the storage chosen in <c>Silo:Storage</c>: on SQLite one silo
    /// with localhost clustering, on PostgreSQL a member of the cluster sharing that database. Settings
    /// are checked here, before anything starts, so a wrong one stops the silo naming it.
    /// </summary>
    public static IHostApplicationBuilder AddSiloRuntime(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var identity = SettingsCheck.Read<SiloIdentity>(configuration, SiloIdentity.Section);
        var endpoints = SettingsCheck.Read<ClusterSettings>(configuration, ClusterSettings.Section);
        var runtime = SettingsCheck.Read<RuntimeSettings>(configuration, RuntimeSettings.Section);
        var storage = SettingsCheck.Read<StorageSettings>(configuration, StorageSettings.Section);
        if (!Enum.IsDefined(storage.Provider))
        {
            throw new SettingsException($"{StorageSettings.Section}:Provider '{storage.Provider}' is not supported; use Sqlite or PostgreSql.");
        }

        if (runtime.CollectionAge <= runtime.CollectionQuantum)
        {
            // Orleans' own rule, checked here so it stops the silo in one line like the others.
            throw new SettingsException($"{RuntimeSettings.Section}:CollectionAge ({runtime.CollectionAge}) must be longer than {RuntimeSettings.Section}:CollectionQuantum ({runtime.CollectionQuantum}).");
        }

        var advertised = SettingsCheck.Address(endpoints.AdvertisedAddress, $"{ClusterSettings.Section}:AdvertisedAddress");

        // The domain's "today"; Orleans keeps the container's TimeProvider for its own timing.
        builder.Services.AddSingleton(SchoolClock.System);
        builder.Services.AddHostedService<ShutdownDeadline>();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (identity.ServiceId, identity.ClusterId));
            silo.Configure<SiloMessagingOptions>(o =>
            {
                o.ResponseTimeout = runtime.ResponseTimeout;
                o.MaxEnqueuedRequestsHardLimit = runtime.MaxQueuedRequests;
            });
            silo.Configure<GrainCollectionOptions>(o =>
            {
                o.CollectionAge = runtime.CollectionAge;
                o.CollectionQuantum = runtime.CollectionQuantum;
                o.DeactivationTimeout = runtime.DeactivationTimeout;
            });
            // Failure detection (probe timeout, missed probes, votes) keeps Orleans' names under Silo:Cluster:Membership.
            silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection($"{ClusterSettings.Section}:Membership"));
            silo.AddPlugInnanStorage(storage);
            if (storage.Provider == StorageProvider.PostgreSql)
            {
                silo.UsePlugInnanClustering();
                silo.ConfigureEndpoints(advertised, endpoints.SiloPort, endpoints.GatewayPort, endpoints.ListenOnAnyAddress);
                silo.UseClusterTls(endpoints, advertised);
            }
            else
            {
                silo.UseLocalhostClustering(endpoints.SiloPort, endpoints.GatewayPort, serviceId: identity.ServiceId, clusterId: identity.ClusterId);
                silo.UseClusterTls(endpoints, IPAddress.Loopback);
            }
        });
        return builder;
    }

    /// <summary>Proves at start-up that a grain activates and its state is stored, then reports the silo ready.</summary>
    public static IHostApplicationBuilder AddStartupCheck(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<StartupCheck>();
        return builder;
    }
}
