using Microsoft.Extensions.DependencyInjection;
using PlugInnan.Runtime;

namespace PlugInnan.Persistence;

public static class ApiRecordsServiceCollectionExtensions
{
    /// <summary>
    /// The API's request log and audit log, in the same database as the grain storage named
    /// <paramref name="storageName"/> (add that storage first).
    /// </summary>
    public static IServiceCollection AddApiRecords(this IServiceCollection services, string storageName = PersistentStateAttribute.DefaultStorageName)
    {
        services.AddSingleton(sp => new AdoNetApiRecords(sp.GetRequiredKeyedService<AdoNetGrainStorage>(storageName)));
        services.AddSingleton<IRequestLog>(sp => sp.GetRequiredService<AdoNetApiRecords>());
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<AdoNetApiRecords>());
        return services;
    }
}
