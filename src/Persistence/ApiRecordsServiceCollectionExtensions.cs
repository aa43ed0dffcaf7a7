using Microsoft.Extensions.DependencyInjection;

namespace PlugInnan.Persistence;

public static class ApiRecordsServiceCollectionExtensions
{
    /// <summary>The API's request log and audit log, in the silo's database beside the grain state (register the <see cref="StorageDatabase"/> first).</summary>
    public static IServiceCollection AddApiRecords(this IServiceCollection services)
    {
        services.AddSingleton(sp => new AdoNetApiRecords(sp.GetRequiredService<StorageDatabase>()));
        services.AddSingleton<IRequestLog>(sp => sp.GetRequiredService<AdoNetApiRecords>());
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<AdoNetApiRecords>());
        return services;
    }
}
