using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PlugInnan.Persistence;
using PlugInnan.TestSupport;

namespace PlugInnan.Scheduling.Tests;

public enum Backend
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// The grains' storage and Hangfire's, as a silo has them: SQLite files side by side in a folder, or one
/// real PostgreSQL database (Hangfire in its own schema). Silos started here poll every 200 ms.
/// </summary>
internal sealed class JobBackend : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pluginnan-jobs-").FullName;
    private PostgresServer? server;

    private JobBackend()
    {
    }

    public StorageSettings Grains { get; private set; } = new();

    public JobStore Jobs { get; private set; } = new JobStore.Sqlite("");

    public static async Task<JobBackend> StartAsync(Backend backend)
    {
        var created = new JobBackend();
        if (backend == Backend.PostgreSql)
        {
            created.server = await PostgresServer.StartAsync();
            var connectionString = await created.server.CreateDatabaseAsync("jobs");
            created.Grains = new StorageSettings { Provider = StorageProvider.PostgreSql, ConnectionString = connectionString };
            created.Jobs = new JobStore.PostgreSql(connectionString);
        }
        else
        {
            created.Grains = new StorageSettings { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(created.folder, "grains.db")}" };
            created.Jobs = new JobStore.Sqlite(Path.Combine(created.folder, "grains.jobs.db"));
        }

        return created;
    }

    /// <summary>A silo running the jobs with <paramref name="options"/>, polling fast.</summary>
    public Task<TestSilo> StartSiloAsync(SchedulingOptions options, TimeProvider? schoolTime = null) =>
        TestSilo.StartAsync(Grains, schoolTime, services => services.AddFollowUpScheduling(Jobs, Schedules.Fast(options)));

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
