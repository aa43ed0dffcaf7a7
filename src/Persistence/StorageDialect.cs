using System.Data.Common;

namespace PlugInnan.Persistence;

/// <summary>What differs between the SQL databases a silo runs on: the client, the script folder, locking and timestamps.</summary>
internal abstract class StorageDialect
{
    /// <summary>Folder of the migration scripts under <c>deploy/sql/</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The ADO.NET invariant name by which Orleans' providers load the database's client.</summary>
    public abstract string Invariant { get; }

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
