using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;

namespace PlugInnan.Scheduling;

/// <summary>Hangfire's storage on PostgreSQL or SQLite, with the timings from <see cref="SchedulingOptions"/>.</summary>
public static class JobStorages
{
    /// <summary>How long a lock of a process that died holds on SQLite (a live holder renews it).</summary>
    public static readonly TimeSpan SqliteLockLifetime = TimeSpan.FromSeconds(30);

    /// <summary>The storage a silo's Hangfire uses for <paramref name="store"/>; PostgreSQL's schema is created or upgraded when needed.</summary>
    public static JobStorage Create(JobStore store, SchedulingOptions options) => store switch
    {
        JobStore.PostgreSql postgres => new PostgreSqlStorage(
            new NpgsqlConnectionFactory(postgres.ConnectionString, PostgreSqlOptions(options)), PostgreSqlOptions(options)),
        JobStore.Sqlite sqlite => new SQLiteStorage(InFolder(sqlite.DatabasePath), new SQLiteStorageOptions
        {
            QueuePollInterval = options.PollInterval,
            InvisibilityTimeout = options.InvisibilityTimeout,
            // Its locks are kept alive by a heartbeat while held, so a short life is safe, and a silo
            // restarted after a crash finds a dead process's locks gone within half a minute.
            DistributedLockLifetime = SqliteLockLifetime,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(store), store, "an unknown job store"),
    };

    /// <summary>The file's folder made when missing (SQLite makes the file, not its folder).</summary>
    private static string InFolder(string path)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return path;
    }

    private static PostgreSqlStorageOptions PostgreSqlOptions(SchedulingOptions options) => new()
    {
        SchemaName = JobStore.PostgreSqlSchema,
        PrepareSchemaIfNecessary = true,
        QueuePollInterval = options.PollInterval,
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = options.InvisibilityTimeout,
        DistributedLockTimeout = options.LockTimeout,
    };
}
