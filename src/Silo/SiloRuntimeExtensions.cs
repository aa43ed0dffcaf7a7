using PlugInnan.Grains;
using PlugInnan.Persistence;
using PlugInnan.Runtime;

namespace PlugInnan.Silo;

public static class SiloRuntimeExtensions
{
    /// <summary>
    /// The grain runtime with the platform's grains and the storage chosen in <c>Silo:Storage</c>.
    /// Runtime settings come from <c>Silo:Runtime</c>, the service id from <c>Silo:ServiceId</c>.
    /// </summary>
    public static IHostApplicationBuilder AddSiloRuntime(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.Configure<ClusterOptions>(configuration.GetSection("Silo"));
        builder.Services.Configure<GrainRuntimeOptions>(configuration.GetSection("Silo:Runtime"));
        var storage = configuration.GetSection(StorageSettings.Section).Get<StorageSettings>() ?? new StorageSettings();
        if (string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            throw new InvalidOperationException($"{StorageSettings.Section}:ConnectionString is empty.");
        }

        builder.Services.AddGrainRuntime(runtime =>
        {
            runtime.AddGrains(typeof(StartupLogGrain).Assembly);
            runtime.AddGrainStateJson(GrainStateJsonContext.Default);
            _ = storage.Provider switch
            {
                StorageProvider.Sqlite => runtime.AddSqliteGrainStorage(storage.ConnectionString),
                StorageProvider.PostgreSql => runtime.AddPostgreSqlGrainStorage(storage.ConnectionString),
                _ => throw new InvalidOperationException(
                    $"{StorageSettings.Section}:Provider '{storage.Provider}' is not supported; use Sqlite or PostgreSql."),
            };
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
