using System.Data.Common;
using Npgsql;

namespace PlugInnan.Persistence;

/// <summary>PostgreSQL: for production and for several silos sharing one database.</summary>
internal sealed class PostgreSqlDialect : StorageDialect
{
    public override string Name => "postgresql";

    // The invariant name Orleans' ADO.NET providers know Npgsql by.
    public override string Invariant => "Npgsql";

    public override DbDataSource CreateDataSource(string connectionString)
    {
        // Orleans binds membership times as plain DateTime; a UTC session keeps any conversion between
        // timestamp and timestamptz exact whatever the server's own time zone is.
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Timezone ??= "UTC";
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public override string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
    }

    public override object Timestamp(DateTimeOffset value) => value.ToUniversalTime();

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(hashtext('pluginnan.schema_migrations'))";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
