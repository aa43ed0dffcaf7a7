using System.Data.Common;

namespace PlugInnan.Persistence;

/// <summary>What differs between the SQL databases the grain storage runs on; the storage logic is shared.</summary>
internal abstract class StorageDialect
{
    private const string KeyMatch =
        "service_id = @service_id AND grain_type = @grain_type AND grain_key = @grain_key AND state_name = @state_name";

    protected StorageDialect()
    {
        ReadSql = $"SELECT version, payload FROM grain_state WHERE {KeyMatch}";
        InsertSql =
            "INSERT INTO grain_state (service_id, grain_type, grain_key, state_name, version, payload, modified_at) " +
            $"VALUES (@service_id, @grain_type, @grain_key, @state_name, 1, {PayloadParameter}, @modified_at) ON CONFLICT DO NOTHING";
        UpdateSql =
            $"UPDATE grain_state SET version = @version + 1, payload = {PayloadParameter}, modified_at = @modified_at " +
            $"WHERE {KeyMatch} AND version = @version";
        ClearSql =
            "UPDATE grain_state SET version = @version + 1, payload = NULL, modified_at = @modified_at " +
            $"WHERE {KeyMatch} AND version = @version";
    }

    /// <summary>Folder of the migration scripts under <c>deploy/sql/</c>.</summary>
    public abstract string Name { get; }

    public string ReadSql { get; }

    public string InsertSql { get; }

    public string UpdateSql { get; }

    public string ClearSql { get; }

    /// <summary>How the payload parameter appears in SQL (PostgreSQL casts it to jsonb).</summary>
    protected abstract string PayloadParameter { get; }

    public abstract DbDataSource CreateDataSource(string connectionString);

    /// <summary>Where the data is, for the start-up log: never a password.</summary>
    public abstract string Describe(string connectionString);

    /// <summary>Converts a timestamp to what the database's column takes.</summary>
    public abstract object Timestamp(DateTimeOffset value);

    /// <summary>Runs on the migration connection before its transaction starts.</summary>
    public virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs first inside the migration transaction, to keep concurrent silos from migrating at once.</summary>
    public virtual Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
