using Microsoft.Data.Sqlite;
using PlugInnan.Persistence;
using PlugInnan.Scheduling;
using PlugInnan.Silo.Settings;

namespace PlugInnan.Silo;

public static class SchedulingExtensions
{
    /// <summary>
    /// The follow-up jobs on Hangfire, times from <c>Silo:Scheduling</c>; its storage in schema
    /// <c>hangfire</c> of the shared PostgreSQL database, or in a SQLite file of its own beside the
    /// embedded grain database (<c>data/pluginnan.db</c> → <c>data/pluginnan.jobs.db</c>).
    /// </summary>
    public static IHostApplicationBuilder AddFollowUpJobs(this IHostApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(StorageSettings.Section).Get<StorageSettings>() ?? new StorageSettings();
        var options = SettingsCheck.Read<SchedulingOptions>(builder.Configuration, SchedulingOptions.Section);
        JobStore store = storage.Provider == StorageProvider.PostgreSql
            ? new JobStore.PostgreSql(storage.ConnectionString)
            : new JobStore.Sqlite(JobDatabasePath(storage.ConnectionString));
        builder.Services.AddFollowUpScheduling(store, options);
        return builder;
    }

    /// <summary>The jobs' SQLite file beside the grain database: the same name with <c>.jobs</c> before the extension.</summary>
    public static string JobDatabasePath(string grainConnectionString)
    {
        var grains = new SqliteConnectionStringBuilder(grainConnectionString).DataSource;
        var folder = Path.GetDirectoryName(grains) ?? "";
        return Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(grains)}.jobs{Path.GetExtension(grains)}");
    }
}
