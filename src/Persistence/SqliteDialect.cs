using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace PlugInnan.Persistence;

/// <summary>SQLite: one file, write-ahead log, the embedded default.</summary>
internal sealed class SqliteDialect : StorageDialect
{
    public override string Name => "sqlite";

    // Orleans' ADO.NET providers map this name to Microsoft.Data.Sqlite.
    public override string Invariant => "System.Data.SQLite";

    public override DbDataSource CreateDataSource(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        return SqliteFactory.Instance.CreateDataSource(connectionString);
    }

    public override string Describe(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return $"SQLite database {Path.GetFullPath(file)}";
    }

    public override object Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets readers work while one writer commits; the mode is stored in the file once set.
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
