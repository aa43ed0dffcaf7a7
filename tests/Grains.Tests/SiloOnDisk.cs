using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PlugInnan.Grains.Rules;
using PlugInnan.Persistence;
using PlugInnan.TestSupport;

namespace PlugInnan.Grains.Tests;

/// <summary>
/// The domain's grains over the real runtime and real storage (SQLite in a folder of their own, or a
/// PostgreSQL database), on a clock the test sets. Start it again to see what survives a restart.
/// </summary>
internal sealed class SiloOnDisk : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pluginnan-domain-").FullName;
    private readonly string? postgres;

    /// <summary>Starts at 10:00 Swedish time on <paramref name="today"/>; on SQLite unless given a PostgreSQL connection string.</summary>
    public SiloOnDisk(DateOnly today, string? postgresConnectionString = null)
    {
        Clock = new ManualTimeProvider(Morning(today));
        postgres = postgresConnectionString;
    }

    public ManualTimeProvider Clock { get; }

    public DateOnly Today
    {
        get => SwedishTime.Today(Clock);
        set => Clock.Set(Morning(value));
    }

    private string ConnectionString => $"Data Source={Path.Combine(folder, "grains.db")}";

    public Task<TestSilo> StartAsync() => TestSilo.StartAsync(
        runtime =>
        {
            runtime.AddGrains(typeof(Students.StudentGrain).Assembly).AddGrainStateJson(GrainStateJsonContext.Default);
            _ = postgres is null ? runtime.AddSqliteGrainStorage(ConnectionString) : runtime.AddPostgreSqlGrainStorage(postgres);
        },
        configureServices: services => services.AddSingleton<TimeProvider>(Clock));

    /// <summary>Bytes of stored JSON for one grain's state.</summary>
    public async Task<long> PayloadBytesAsync(string grainType, string key)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT length(CAST(payload AS BLOB)) FROM grain_state WHERE grain_type = $type AND grain_key = $key";
        command.Parameters.AddWithValue("$type", grainType);
        command.Parameters.AddWithValue("$key", key);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static DateTimeOffset Morning(DateOnly day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(10, 0)), SwedishTime.Zone), TimeSpan.Zero);
}
