using System.Data.Common;
using System.Text.Json;

namespace PlugInnan.Persistence;

/// <summary>The request log and the audit log, in the grain storage's database (tables from <c>002_api_records.sql</c>).</summary>
internal sealed class AdoNetApiRecords(StorageDatabase storage) : IRequestLog, IAuditLog
{
    private const string FindSql =
        "SELECT method, request_hash, response FROM api_request WHERE service_id = @service_id AND client = @client AND request_id = @request_id";

    private const string SaveSql =
        "INSERT INTO api_request (service_id, client, request_id, method, request_hash, response, created_at) " +
        "VALUES (@service_id, @client, @request_id, @method, @request_hash, @response, @created_at) ON CONFLICT DO NOTHING";

    private const string DeleteSql = "DELETE FROM api_request WHERE service_id = @service_id AND created_at < @before";

    private const string AuditSql =
        "INSERT INTO audit_log (service_id, at, client, peer, method, outcome, school_unit_code, students) " +
        "VALUES (@service_id, @at, @client, @peer, @method, @outcome, @school_unit_code, @students)";

    public async Task<RecordedResponse?> FindAsync(string client, string requestId, CancellationToken cancellationToken)
    {
        await storage.EnsureSchemaAsync();
        await using var connection = await storage.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, FindSql, ("client", client), ("request_id", requestId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new RecordedResponse(reader.GetString(0), (byte[])reader.GetValue(1), (byte[])reader.GetValue(2))
            : null;
    }

    public async Task SaveAsync(string client, string requestId, RecordedResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        await storage.EnsureSchemaAsync();
        await using var connection = await storage.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(
            connection,
            SaveSql,
            ("client", client),
            ("request_id", requestId),
            ("method", response.Method),
            ("request_hash", response.RequestHash),
            ("response", response.Response),
            ("created_at", storage.Dialect.Timestamp(storage.Clock.GetUtcNow())));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await storage.EnsureSchemaAsync();
        await using var connection = await storage.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, DeleteSql, ("before", storage.Dialect.Timestamp(before)));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await storage.EnsureSchemaAsync();
        await using var connection = await storage.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(
            connection,
            AuditSql,
            ("at", storage.Dialect.Timestamp(entry.At)),
            ("client", entry.Client),
            ("peer", entry.Peer),
            ("method", entry.Method),
            ("outcome", entry.Outcome),
            ("school_unit_code", (object?)entry.SchoolUnitCode ?? DBNull.Value),
            ("students", JsonSerializer.Serialize(entry.Students, ApiRecordsJsonContext.Default.IReadOnlyListString)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "service_id", storage.ServiceId);
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class ApiRecordsJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
