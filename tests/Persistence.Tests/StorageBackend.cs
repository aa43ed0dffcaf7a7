using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using PlugInnan.TestSupport;

namespace PlugInnan.Persistence.Tests;

/// <summary>One of the two databases the same tests run against.</summary>
public abstract class StorageBackend
{
    public abstract string ConnectionString { get; }

    public abstract void AddStorage(GrainRuntimeBuilder runtime);

    public abstract DbConnection OpenConnection();

    /// <summary>SQL that stores a row as another writer (or an older version of the silo) would have.</summary>
    protected abstract string RawInsertSql { get; }

    public Task<int> InsertRawStateAsync(string serviceId, GrainId grainId, string stateName, long version, string json) =>
        ExecuteAsync(
            RawInsertSql,
            ("s", serviceId), ("t", grainId.Type), ("k", grainId.Key), ("n", stateName), ("v", version), ("p", json));

    public Task<TestSilo> StartSiloAsync(string serviceId, Action<GrainRuntimeOptions>? options = null) =>
        TestSilo.StartAsync(
            runtime =>
            {
                runtime.AddGrains(typeof(PersistentCounterGrain).Assembly);
                runtime.AddGrainStateJson(TestStateJsonContext.Default);
                AddStorage(runtime);
            },
            options,
            serviceId);

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

    public override void AddStorage(GrainRuntimeBuilder runtime) => runtime.AddSqliteGrainStorage(ConnectionString);

    protected override string RawInsertSql =>
        "INSERT INTO grain_state VALUES (@s, @t, @k, @n, @v, @p, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";

    public override DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
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

    public override void AddStorage(GrainRuntimeBuilder runtime) => runtime.AddPostgreSqlGrainStorage(ConnectionString);

    protected override string RawInsertSql => "INSERT INTO grain_state VALUES (@s, @t, @k, @n, @v, CAST(@p AS jsonb), now())";

    public override DbConnection OpenConnection()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresServerDefinition : ICollectionFixture<PostgresBackend>
{
    public const string Name = "PostgreSQL";
}
