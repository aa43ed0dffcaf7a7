using PlugInnan.Persistence;
using PlugInnan.Scheduling;

namespace PlugInnan.Silo;

public static class SchedulingExtensions
{
    /// <summary>The follow-up jobs (Quartz.NET), their job store in the grain storage's database; times from <c>Silo:Scheduling</c>.</summary>
    public static IHostApplicationBuilder AddFollowUpJobs(this IHostApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(StorageSettings.Section).Get<StorageSettings>() ?? new StorageSettings();
        var options = builder.Configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        var store = storage.Provider == StorageProvider.PostgreSql ? SchedulerStore.PostgreSql : SchedulerStore.Sqlite;
        builder.Services.AddFollowUpScheduling(store, storage.ConnectionString, options);
        return builder;
    }
}
