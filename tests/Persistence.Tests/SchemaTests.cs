namespace PlugInnan.Persistence.Tests;

/// <summary>The migrator on each database: the earlier layout and newer schemas are refused, and nothing is changed by refusing.</summary>
public abstract class SchemaTests(StorageBackend backend)
{
    [Fact]
    public async Task A_database_of_the_earlier_storage_layout_is_refused_and_left_as_it_was()
    {
        var database = await FreshAsync();
        await backend.ExecuteAsync(database, "CREATE TABLE schema_migrations (version integer PRIMARY KEY, description text NOT NULL, applied_at text NOT NULL DEFAULT '')");
        await backend.ExecuteAsync(database, "INSERT INTO schema_migrations (version, description) VALUES (1, 'grain_state')");

        var error = await Assert.ThrowsAsync<SchemaRefusedException>(() => new StorageDatabase(database, "schema", TimeProvider.System).EnsureSchemaAsync());

        Assert.Contains("earlier storage layout", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, Convert.ToInt64(await backend.ScalarAsync(database, "SELECT count(*) FROM schema_migrations"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_database_newer_than_the_silo_is_refused()
    {
        var database = await FreshAsync();
        await new StorageDatabase(database, "schema", TimeProvider.System).EnsureSchemaAsync();
        await backend.ExecuteAsync(database, "INSERT INTO schema_migrations (version, description) VALUES (99, 'from a later release')");

        var error = await Assert.ThrowsAsync<SchemaRefusedException>(() => new StorageDatabase(database, "schema", TimeProvider.System).EnsureSchemaAsync());

        Assert.Contains("version 99, newer than this silo knows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applying_the_scripts_again_changes_nothing_and_every_query_Orleans_reads_is_there()
    {
        var database = await FreshAsync();
        await new StorageDatabase(database, "schema", TimeProvider.System).EnsureSchemaAsync();
        var before = await backend.ScalarAsync(database, "SELECT count(*) FROM schema_migrations");
        await new StorageDatabase(database, "schema", TimeProvider.System).EnsureSchemaAsync();

        Assert.Equal(before, await backend.ScalarAsync(database, "SELECT count(*) FROM schema_migrations"));
        Assert.Equal(ExpectedQueries, Convert.ToInt64(await backend.ScalarAsync(database, "SELECT count(*) FROM OrleansQuery"), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Storage's three queries, and on PostgreSQL clustering's ten.</summary>
    protected abstract long ExpectedQueries { get; }

    private Task<StorageSettings> FreshAsync() => backend.CreateDatabaseAsync("schema_" + Guid.NewGuid().ToString("N")[..12]);
}

public sealed class SqliteSchemaTests(SqliteBackend backend) : SchemaTests(backend), IClassFixture<SqliteBackend>
{
    protected override long ExpectedQueries => 3;
}

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgreSqlSchemaTests(PostgresBackend backend) : SchemaTests(backend)
{
    protected override long ExpectedQueries => 13;
}
