using Microsoft.Data.Sqlite;
using PlugInnan.Grains.Rules;
using PlugInnan.Persistence;
using PlugInnan.TestSupport;

namespace PlugInnan.Grains.Tests;

/// <summary>
/// The domain's grains on Orleans' test cluster and real storage (SQLite in a folder of their own, or a
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
        postgres is null
            ? new StorageSettings { Provider = StorageProvider.Sqlite, ConnectionString = ConnectionString }
            : new StorageSettings { Provider = StorageProvider.PostgreSql, ConnectionString = postgres },
        schoolTime: Clock);

    /// <summary>Bytes stored for one grain's state (a key that is not a number or a UUID, which Orleans stores as text).</summary>
    public async Task<long> PayloadBytesAsync(string grainType, string key)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT length(PayloadBinary) FROM OrleansStorage WHERE GrainTypeString = $type AND GrainIdExtensionString = $key";
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
