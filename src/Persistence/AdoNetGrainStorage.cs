using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using PlugInnan.Runtime;

namespace PlugInnan.Persistence;

/// <summary>
/// Grain storage over ADO.NET: one row per (service id, grain type, grain key, state name); the
/// version column is the ETag and every write is a conditional statement on it.
/// </summary>
internal sealed partial class AdoNetGrainStorage : IGrainStorage, IAsyncDisposable
{
    private readonly StorageDialect dialect;
    private readonly DbDataSource dataSource;
    private readonly GrainStateSerializer serializer;
    private readonly string serviceId;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly Lock schemaGate = new();
    private Task? schema;

    public AdoNetGrainStorage(
        string name,
        StorageDialect dialect,
        string connectionString,
        GrainStateSerializer serializer,
        string serviceId,
        TimeProvider timeProvider,
        ILogger logger)
    {
        Name = name;
        this.dialect = dialect;
        this.serializer = serializer;
        this.serviceId = serviceId;
        this.timeProvider = timeProvider;
        this.logger = logger;
        Location = dialect.Describe(connectionString);
        dataSource = dialect.CreateDataSource(connectionString);
    }

    public string Name { get; }

    /// <summary>Where the state is kept, safe to log.</summary>
    public string Location { get; }

    /// <summary>The database, for the other records kept beside the grain state (see <see cref="AdoNetApiRecords"/>).</summary>
    internal DbDataSource DataSource => dataSource;

    internal StorageDialect Dialect => dialect;

    internal string ServiceId => serviceId;

    internal TimeProvider Clock => timeProvider;

    /// <summary>
    /// Creates or migrates the schema: once, at start-up or before the first access. A failed attempt
    /// (database unreachable) is not remembered, so the next access tries again.
    /// </summary>
    public Task EnsureSchemaAsync()
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
                schema = MigrateAsync(CancellationToken.None);
            }

            return schema;
        }
    }

    public async Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = KeyedCommand(connection, dialect.ReadSql, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            grainState.State = Activator.CreateInstance<TState>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var version = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
        var payload = await reader.IsDBNullAsync(1, cancellationToken) ? null : reader.GetString(1);
        grainState.State = payload is null ? Activator.CreateInstance<TState>() : serializer.Deserialize<TState>(payload);
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = payload is not null;
    }

    public async Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        var payload = serializer.Serialize(grainState.State);
        var expected = ParseEtag(grainState.ETag, stateName, grainId);
        await EnsureSchemaAsync();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = KeyedCommand(connection, expected is null ? dialect.InsertSql : dialect.UpdateSql, stateName, grainId);
        Add(command, "payload", payload);
        Add(command, "modified_at", dialect.Timestamp(timeProvider.GetUtcNow()));
        if (expected is not null)
        {
            Add(command, "version", expected.Value);
        }

        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw await ConflictAsync(connection, stateName, grainId, grainState.ETag, cancellationToken);
        }

        grainState.ETag = ((expected ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        var expected = ParseEtag(grainState.ETag, stateName, grainId);
        await EnsureSchemaAsync();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (expected is null)
        {
            // This activation saw no record; if one exists now, someone else wrote it.
            if (await StoredVersionAsync(connection, stateName, grainId, cancellationToken) is not null)
            {
                throw await ConflictAsync(connection, stateName, grainId, null, cancellationToken);
            }
        }
        else
        {
            await using var command = KeyedCommand(connection, dialect.ClearSql, stateName, grainId);
            Add(command, "modified_at", dialect.Timestamp(timeProvider.GetUtcNow()));
            Add(command, "version", expected.Value);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                throw await ConflictAsync(connection, stateName, grainId, grainState.ETag, cancellationToken);
            }

            grainState.ETag = (expected.Value + 1).ToString(CultureInfo.InvariantCulture);
        }

        grainState.State = Activator.CreateInstance<TState>();
        grainState.RecordExists = false;
    }

    /// <summary>Opens a connection and runs <c>SELECT 1</c>: throws when the database cannot be reached.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var version = await SchemaMigrator.MigrateAsync(dataSource, dialect, cancellationToken);
        LogSchemaReady(logger, Name, Location, version);
    }

    private DbCommand KeyedCommand(DbConnection connection, string sql, string stateName, GrainId grainId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "service_id", serviceId);
        Add(command, "grain_type", grainId.Type);
        Add(command, "grain_key", grainId.Key);
        Add(command, "state_name", stateName);
        return command;
    }

    internal static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private async Task<long?> StoredVersionAsync(DbConnection connection, string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = KeyedCommand(connection, dialect.ReadSql, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture) : null;
    }

    private async Task<InconsistentStateException> ConflictAsync(
        DbConnection connection, string stateName, GrainId grainId, string? etag, CancellationToken cancellationToken)
    {
        var stored = (await StoredVersionAsync(connection, stateName, grainId, cancellationToken))?.ToString(CultureInfo.InvariantCulture);
        return new InconsistentStateException(
            $"State '{stateName}' of {grainId} was changed by another writer (stored version {stored ?? "none"}, " +
            $"this activation held {etag ?? "none"}). Nothing was written; read the state again and retry.",
            stored,
            etag);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain storage '{Name}': {Location}, schema version {Version}")]
    private static partial void LogSchemaReady(ILogger logger, string name, string location, int version);

    private static long? ParseEtag(string? etag, string stateName, GrainId grainId) =>
        etag is null ? null
        : long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0 ? version
        : throw new InconsistentStateException($"State '{stateName}' of {grainId} carries ETag '{etag}', which this storage never issued.", null, etag);
}
