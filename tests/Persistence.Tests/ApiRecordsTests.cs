using Microsoft.Extensions.DependencyInjection;
using PlugInnan.TestSupport;

namespace PlugInnan.Persistence.Tests;

/// <summary>The API's request log and audit log, on both databases, beside the grain state.</summary>
public abstract class ApiRecordsTests(StorageBackend backend)
{
    private readonly ManualTimeProvider clock = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_first_answer_is_kept_per_client_and_request_id_and_old_ones_are_forgotten()
    {
        await using var services = await StartAsync();
        var log = services.GetRequiredService<IRequestLog>();
        var id = Guid.NewGuid().ToString();
        await log.SaveAsync("school-a", id, new RecordedResponse("/m", [1, 2], [10]), CancellationToken.None);
        await log.SaveAsync("school-a", id, new RecordedResponse("/m", [1, 2], [20]), CancellationToken.None); // a second answer loses
        clock.Set(clock.GetUtcNow().AddDays(31));
        var later = Guid.NewGuid().ToString();
        await log.SaveAsync("school-a", later, new RecordedResponse("/m", [3], [30]), CancellationToken.None);

        var first = await log.FindAsync("school-a", id, CancellationToken.None);
        var otherClient = await log.FindAsync("school-b", id, CancellationToken.None);
        var deleted = await log.DeleteOlderThanAsync(clock.GetUtcNow().AddDays(-30), CancellationToken.None);

        Assert.Equal([10], first!.Response);
        Assert.Null(otherClient);
        Assert.True(deleted >= 1);
        Assert.Null(await log.FindAsync("school-a", id, CancellationToken.None));
        Assert.Equal([30], (await log.FindAsync("school-a", later, CancellationToken.None))!.Response);
    }

    [Fact]
    public async Task An_audit_entry_is_on_record_when_the_write_returns()
    {
        await using var services = await StartAsync();
        var client = "dpo-check-" + Guid.NewGuid().ToString("N")[..8];

        await services.GetRequiredService<IAuditLog>().WriteAsync(
            new AuditEntry(clock.GetUtcNow(), client, "127.0.0.1", "/pluginnan.v1.StudentService/GetStudent", "OK", "12345678", ["0123abcd"]), CancellationToken.None);

        Assert.Equal(1L, Convert.ToInt64(await backend.ScalarAsync($"SELECT count(*) FROM audit_log WHERE client = '{client}' AND students = '[\"0123abcd\"]'"), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The records on their own, as the silo registers them, over a clock the test moves.</summary>
    private Task<ServiceProvider> StartAsync() => Task.FromResult(new ServiceCollection()
        .AddSingleton(new StorageDatabase(backend.Settings, "records-" + Guid.NewGuid().ToString("N")[..8], clock))
        .AddApiRecords()
        .BuildServiceProvider());
}

public sealed class SqliteApiRecordsTests(SqliteBackend backend) : ApiRecordsTests(backend), IClassFixture<SqliteBackend>;

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgreSqlApiRecordsTests(PostgresBackend backend) : ApiRecordsTests(backend);
