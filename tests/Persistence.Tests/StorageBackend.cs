using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Orleans.Hosting;
using PlugInnan.TestSupport;

namespace PlugInnan.Persistence.Tests;

/// <summary>One of the two databases the same tests run against.</summary>
public abstract class StorageBackend
{
    public abstract string ConnectionString { get; }

    public abstract StorageSettings Settings { get; }

    public DbConnection OpenConnection() => OpenConnection(ConnectionString);

    protected abstract DbConnection OpenConnection(string connectionString);

    /// <summary>A new, empty database on the same server or in the same folder.</summary>
    public abstract Task<StorageSettings> CreateDatabaseAsync(string name);

    public async Task ExecuteAsync(StorageSettings database, string sql)
    {
        await using var connection = OpenConnection(database.ConnectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(StorageSettings database, string sql)
    {
        await using var connection = OpenConnection(database.ConnectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Stores a row by hand, as a database administrator or another writer could, keyed as Orleans keys a string key that is not a number.</summary>
    public Task<int> InsertRawStateAsync(string serviceId, string stateName, string key, int version, byte[] payload) =>
        ExecuteAsync(
            """
            INSERT INTO OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, GrainIdHash, GrainTypeHash, PayloadBinary, ModifiedOn, Version)
            VALUES (@s, @n, 0, 0, @k, 0, 0, @p, CURRENT_TIMESTAMP, @v)
            """,
            ("s", serviceId), ("n", stateName), ("k", key), ("v", version), ("p", payload));

    public Task<TestSilo> StartSiloAsync(string serviceId, Action<ISiloBuilder>? configureSilo = null) =>
        TestSilo.StartAsync(Settings, serviceId: serviceId, configureSilo: configureSilo);

    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }

        return await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}

public sealed class SqliteBackend : StorageBackend, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pluginnan-sqlite-").FullName;

    public override string ConnectionString => $"Data Source={Path.Combine(folder, "grains.db")}";

    public override StorageSettings Settings => new() { Provider = StorageProvider.Sqlite, ConnectionString = ConnectionString };

    public override Task<StorageSettings> CreateDatabaseAsync(string name) =>
        Task.FromResult(new StorageSettings { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, name + ".db")}" });

    protected override DbConnection OpenConnection(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>A real PostgreSQL server started for the test run (see <see cref="PostgresServer"/>).</summary>
public sealed class PostgresBackend : StorageBackend, IAsyncLifetime
{
    private PostgresServer? server;
    private string? connectionString;

    public override string ConnectionString => connectionString ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        server = await PostgresServer.StartAsync();
        connectionString = await server.CreateDatabaseAsync("grains_" + Guid.NewGuid().ToString("N")[..12]);
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    public override StorageSettings Settings => new() { Provider = StorageProvider.PostgreSql, ConnectionString = ConnectionString };

    public override async Task<StorageSettings> CreateDatabaseAsync(string name) =>
        new() { Provider = StorageProvider.PostgreSql, ConnectionString = await server!.CreateDatabaseAsync(name) };

    protected override DbConnection OpenConnection(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresServerDefinition : ICollectionFixture<PostgresBackend>
{
    public const string Name = "PostgreSQL";
}
