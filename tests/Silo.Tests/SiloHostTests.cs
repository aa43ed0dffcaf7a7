using Grpc.Health.V1;
using Grpc.Reflection.V1;
using Microsoft.Data.Sqlite;
using Npgsql;
using PlugInnan.TestSupport;

namespace PlugInnan.Silo.Tests;

public sealed class SiloHostTests : IDisposable
{
    private const string Ready = "Plug Innan silo ready";
    private readonly string folder = Directory.CreateTempSubdirectory("pluginnan-silo-").FullName;

    [Fact]
    public async Task Silo_starts_on_SQLite_under_data_in_its_working_folder_and_stops_cleanly_on_Ctrl_C()
    {
        await using var silo = SiloProcess.Start(folder);
        await silo.WaitForOutputAsync(Ready);

        var database = Path.Combine(folder, "data", "pluginnan.db");
        Assert.Contains($"SQLite database {database}", silo.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(database));
        Assert.Equal("wal", await ScalarAsync(database, "PRAGMA journal_mode"));

        Assert.Equal(0, await silo.InterruptAsync());
        Assert.Contains("Orleans Silo stopped.", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restarted_silo_finds_what_the_first_one_stored()
    {
        await using (var first = SiloProcess.Start(folder))
        {
            await first.WaitForOutputAsync("start number 1 on this database");
            Assert.Contains("Programme Plug Innan: 22 subprojects in the data file, 22 new ones seeded.", first.Output, StringComparison.Ordinal);
            Assert.Equal(0, await first.InterruptAsync());
        }

        await using var second = SiloProcess.Start(folder);
        await second.WaitForOutputAsync("start number 2 on this database");
        Assert.Contains("Programme Plug Innan: 22 subprojects in the data file, 0 new ones seeded.", second.Output, StringComparison.Ordinal);
        Assert.Equal(0, await second.InterruptAsync());
    }

    [Fact]
    public async Task Silo_serves_gRPC_health_and_reflection_on_its_endpoint()
    {
        await using var silo = SiloProcess.Start(folder);
        await silo.WaitForOutputAsync(Ready);
        var client = new GrpcClient(new Uri($"http://127.0.0.1:{silo.GrpcPort}"));

        var health = await client.UnaryAsync<HealthCheckRequest, HealthCheckResponse>("/grpc.health.v1.Health/Check", new HealthCheckRequest());
        using var reflection = client.Start<ServerReflectionRequest, ServerReflectionResponse>("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo");
        await reflection.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        var services = await reflection.ReadAsync();
        await reflection.CompleteAsync();

        Assert.Contains($"gRPC on 127.0.0.1:{silo.GrpcPort} (h2c)", silo.Output, StringComparison.Ordinal);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Contains(services!.ListServicesResponse.Service, s => s.Name == "grpc.health.v1.Health");
        Assert.Equal(0, await silo.InterruptAsync());
    }

    [Fact]
    public async Task Silo_runs_on_PostgreSQL_when_the_environment_says_so()
    {
        await using var server = await PostgresServer.StartAsync();
        var connectionString = await server.CreateDatabaseAsync("silo");
        await using var silo = SiloProcess.Start(folder, new Dictionary<string, string>
        {
            ["Silo__Storage__Provider"] = "PostgreSql",
            ["Silo__Storage__ConnectionString"] = connectionString,
            ["Silo__ServiceId"] = "pg-silo",
            ["Silo__ShutdownDeadline"] = "00:00:10",
        });

        await silo.WaitForOutputAsync(Ready);
        Assert.Contains("PostgreSQL database silo on 127.0.0.1", silo.Output, StringComparison.Ordinal);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand(
                "SELECT count(*) FROM orleansstorage WHERE serviceid = 'pg-silo' AND graintypestring = 'log'", connection);
            Assert.Equal(1L, await count.ExecuteScalarAsync());
            await using var members = new NpgsqlCommand(
                "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = 'plug-innan' AND status = 3", connection);
            Assert.Equal(1L, await members.ExecuteScalarAsync()); // one active silo in the cluster
        }

        Assert.False(File.Exists(Path.Combine(folder, "data", "pluginnan.db"))); // no SQLite database; data/ holds only the pseudonymisation key
        var client = new GrpcClient(new Uri($"http://127.0.0.1:{silo.GrpcPort}"));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await Check(client)).Status);

        await server.DisposeAsync(); // the database goes away under the running silo
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await Check(client)).Status);

        // Orleans cannot record leaving the cluster without its database: the stop ends at the deadline,
        // saying so, instead of retrying for minutes.
        Assert.Equal(3, await silo.InterruptAsync());
        Assert.Contains("The silo did not stop within 10 s", silo.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Silo__Runtime__ResponseTimeout", "00:00:00", "Silo:Runtime:ResponseTimeout")]
    [InlineData("Silo__Runtime__CollectionAge", "00:00:30", "Silo:Runtime:CollectionAge")] // not longer than the one-minute quantum
    [InlineData("Silo__Cluster__AdvertisedAddress", "silo-a.example", "Silo:Cluster:AdvertisedAddress")]
    [InlineData("Silo__Cluster__SiloPort", "70000", "Silo:Cluster:SiloPort")]
    [InlineData("Silo__ClusterId", "two words", "Silo:ClusterId")]
    [InlineData("Silo__Scheduling__InterventionFollowUpCron", "0 0 5 * * ? 2099", "Silo:Scheduling:InterventionFollowUpCron")] // 7 fields, a year at the end
    [InlineData("Silo__Scheduling__GuardianNoticeCron", "*/15 7-25 * * 1-5", "Silo:Scheduling:GuardianNoticeCron")]
    [InlineData("Silo__Operator__Address", "10.20.30.40", "Silo:Operator:Address")] // off loopback without TLS and accounts
    [InlineData("Web__Accounts__0__KeySha256", "not-a-hash", "Web:Accounts:0:KeySha256")] // a setting inside a list
    public async Task Silo_refuses_to_start_with_an_invalid_setting_and_names_it_in_one_line(string variable, string value, string setting)
    {
        await using var silo = SiloProcess.Start(folder, new Dictionary<string, string> { [variable] = value });

        Assert.Equal(2, await silo.WaitForExitAsync());
        var line = Assert.Single(silo.Output.Split('\n'), l => l.Contains(setting, StringComparison.Ordinal));
        Assert.StartsWith("Plug Innan silo not started: " + setting, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", silo.Output, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public async Task A_cluster_silo_reachable_from_the_network_without_a_cluster_certificate_is_refused()
    {
        await using var silo = SiloProcess.Start(folder, new Dictionary<string, string>
        {
            ["Silo__Storage__Provider"] = "PostgreSql",
            ["Silo__Storage__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=none;Username=none",
            ["Silo__Cluster__AdvertisedAddress"] = "10.20.30.40",
        });

        Assert.Equal(2, await silo.WaitForExitAsync());
        Assert.Contains("Plug Innan silo not started: Silo:Cluster:CertificatePath is not set, but the silo port is reachable from other machines", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_refuses_a_database_of_the_earlier_storage_layout_with_one_line_saying_so()
    {
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        var database = Path.Combine(folder, "data", "pluginnan.db");
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT '');
                INSERT INTO schema_migrations (version, description) VALUES (1, 'grain_state');
                CREATE TABLE grain_state (service_id TEXT, grain_type TEXT, grain_key TEXT, state_name TEXT, version INTEGER, payload TEXT, modified_at TEXT);
                """;
            await command.ExecuteNonQueryAsync();
        }

        await using var silo = SiloProcess.Start(folder);

        Assert.Equal(2, await silo.WaitForExitAsync());
        Assert.Contains("Plug Innan silo not started: This database was written by the earlier storage layout", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", silo.Output, StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM schema_migrations")); // nothing was added to it
    }

    private static Task<HealthCheckResponse> Check(GrpcClient client) =>
        client.UnaryAsync<HealthCheckRequest, HealthCheckResponse>("/grpc.health.v1.Health/Check", new HealthCheckRequest());

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
