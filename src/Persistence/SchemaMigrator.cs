using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace PlugInnan.Persistence;

/// <summary>
/// Brings the database schema up to date from the numbered scripts shipped in <c>deploy/sql/</c>
/// (embedded in this assembly): idempotent, in one transaction, refusing a database newer than it knows.
/// </summary>
internal static class SchemaMigrator
{
    private const string Bootstrap = "000_schema_migrations.sql";

    public static async Task<int> MigrateAsync(DbDataSource dataSource, StorageDialect dialect, CancellationToken cancellationToken)
    {
        var scripts = Scripts(dialect);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await dialect.PrepareAsync(connection, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await dialect.LockForMigrationAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction, Read(dialect, Bootstrap), cancellationToken);

        var applied = new Dictionary<int, string>();
        await using (var query = connection.CreateCommand())
        {
            query.Transaction = transaction;
            query.CommandText = "SELECT version, description FROM schema_migrations";
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = reader.GetString(1);
            }
        }

        RefuseEarlierLayout(applied);
        var latest = scripts.Keys.Max();
        if (applied.Count > 0 && applied.Keys.Max() > latest)
        {
            throw new SchemaRefusedException(
                $"The database schema is at version {applied.Keys.Max()}, newer than this silo knows ({latest}). Upgrade the silo.");
        }

        foreach (var (version, name) in scripts.Where(s => !applied.ContainsKey(s.Key)))
        {
            await ExecuteAsync(connection, transaction, Read(dialect, name), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return latest;
    }

    /// <summary>
    /// A database from before the move to Orleans recorded script 1 as <c>grain_state</c> (the project's own
    /// storage table). Nothing was released with it, so there is no converter: such a database is refused.
    /// </summary>
    private static void RefuseEarlierLayout(IReadOnlyDictionary<int, string> applied)
    {
        if (applied.GetValueOrDefault(1) is "grain_state")
        {
            throw new SchemaRefusedException(
                "This database was written by the earlier storage layout (table grain_state, before Orleans), which this silo does not read. " +
                "Start the silo on a new database (Silo:Storage:ConnectionString); nothing was released with that layout, so there is no converter.");
        }
    }

    /// <summary>The numbered scripts (001_…, 002_…) for a dialect, by version.</summary>
    private static SortedDictionary<int, string> Scripts(StorageDialect dialect)
    {
        var prefix = $"sql/{dialect.Name}/";
        var scripts = new SortedDictionary<int, string>();
        foreach (var resource in typeof(SchemaMigrator).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..];
            if (name != Bootstrap)
            {
                scripts.Add(int.Parse(name[..3], CultureInfo.InvariantCulture), name);
            }
        }

        return scripts.Count > 0 ? scripts : throw new InvalidOperationException($"No migration scripts are embedded for {dialect.Name}.");
    }

    private static string Read(StorageDialect dialect, string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"sql/{dialect.Name}/{name}")
            ?? throw new InvalidOperationException($"Migration script sql/{dialect.Name}/{name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
