using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PlugInnan.Runtime;

namespace PlugInnan.Persistence;

public static class GrainStorageBuilderExtensions
{
    /// <summary>Keeps grain state in a SQLite file (WAL mode), e.g. <c>Data Source=data/pluginnan.db</c>.</summary>
    public static GrainRuntimeBuilder AddSqliteGrainStorage(
        this GrainRuntimeBuilder builder, string connectionString, string name = PersistentStateAttribute.DefaultStorageName) =>
        builder.AddAdoNetGrainStorage(name, new SqliteDialect(), connectionString);

    /// <summary>Keeps grain state in PostgreSQL; several silos may share the database.</summary>
    public static GrainRuntimeBuilder AddPostgreSqlGrainStorage(
        this GrainRuntimeBuilder builder, string connectionString, string name = PersistentStateAttribute.DefaultStorageName) =>
        builder.AddAdoNetGrainStorage(name, new PostgreSqlDialect(), connectionString);

    /// <summary>Registers source-generated JSON metadata (a JsonSerializerContext) for grain state types.</summary>
    public static GrainRuntimeBuilder AddGrainStateJson(this GrainRuntimeBuilder builder, IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        builder.Services.AddSingleton(resolver);
        return builder;
    }

    private static GrainRuntimeBuilder AddAdoNetGrainStorage(
        this GrainRuntimeBuilder builder, string name, StorageDialect dialect, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var services = builder.Services;
        services.TryAddSingleton(sp => new GrainStateSerializer(sp.GetServices<IJsonTypeInfoResolver>()));
        services.AddKeyedSingleton(name, (sp, _) => new AdoNetGrainStorage(
            name,
            dialect,
            connectionString,
            sp.GetRequiredService<GrainStateSerializer>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("PlugInnan.Persistence")));
        services.AddKeyedSingleton<IGrainStorage>(name, (sp, key) => sp.GetRequiredKeyedService<AdoNetGrainStorage>(key));
        services.AddSingleton<IHostedService>(sp => new GrainStorageInitializer(sp.GetRequiredKeyedService<AdoNetGrainStorage>(name)));
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            $"grain-storage-{name}",
            sp => new GrainStorageHealthCheck(sp.GetRequiredKeyedService<AdoNetGrainStorage>(name)),
            HealthStatus.Unhealthy,
            ["storage"],
            TimeSpan.FromSeconds(5)));
        return builder;
    }
}
