using System.Data.Common;

namespace PlugInnan.Persistence;

/// <summary>
/// The one database of a silo: Orleans' grain storage and membership read it through their ADO.NET
/// providers, the API's own tables through <see cref="DataSource"/>. Its schema comes from the scripts in
/// <c>deploy/sql/</c>, applied once before Orleans starts.
/// </summary>
public sealed class StorageDatabase
{
    private readonly Lock schemaGate = new();
    private Task<int>? schema;

    internal StorageDatabase(StorageSettings settings, string serviceId, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.ConnectionString);
        Dialect = settings.Provider switch
        {
            StorageProvider.Sqlite => new SqliteDialect(),
            StorageProvider.PostgreSql => new PostgreSqlDialect(),
            _ => throw new InvalidOperationException(
                $"{StorageSettings.Section}:Provider '{settings.Provider}' is not supported; use Sqlite or PostgreSql."),
        };
        ServiceId = serviceId;
        Clock = clock;
        Location = Dialect.Describe(settings.ConnectionString);
        DataSource = Dialect.CreateDataSource(settings.ConnectionString);
    }

    /// <summary>Where the data is, safe to log (never a password).</summary>
    public string Location { get; }

    /// <summary>The ADO.NET invariant name Orleans' providers know this database by.</summary>
    public string Invariant => Dialect.Invariant;

    public DbDataSource DataSource { get; }

    internal StorageDialect Dialect { get; }

    internal string ServiceId { get; }

    internal TimeProvider Clock { get; }

    /// <summary>
    /// Creates or migrates the schema, once, and returns its version. A failed attempt (database
    /// unreachable) is not remembered, so the next caller tries again.
    /// </summary>
    public Task<int> EnsureSchemaAsync()
    {
        var current = schema;
        if (current is { IsFaulted: false, IsCanceled: false })
        {
            return current;
        }

        lock (schemaGate)
        {
            if (schema is null || schema.IsFaulted || schema.IsCanceled)
            {
                schema = SchemaMigrator.MigrateAsync(DataSource, Dialect, CancellationToken.None);
            }

            return schema;
        }
    }

    /// <summary>A trivial query: does the database answer?</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
