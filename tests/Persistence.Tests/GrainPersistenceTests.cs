using Orleans.Configuration;

namespace PlugInnan.Persistence.Tests;

/// <summary>Grain state through Orleans, on each database.</summary>
public abstract class GrainPersistenceTests(StorageBackend backend)
{
    private readonly string serviceId = "grains-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Idle_deactivation_then_reactivation_restores_the_persisted_state()
    {
        await using var silo = await backend.StartSiloAsync(serviceId, s => s.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionAge = TimeSpan.FromSeconds(2);
            o.CollectionQuantum = TimeSpan.FromMilliseconds(500);
        }));
        var key = "elev-" + Guid.NewGuid().ToString("N");
        var grain = silo.GrainFactory.GetGrain<IPersistentCounterGrain>(key);
        await grain.Add(5);
        var first = await grain.ActivationId();

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!PersistentCounterGrain.Deactivations.ContainsKey(key))
        {
            Assert.True(DateTime.UtcNow < deadline, "the idle grain was never collected");
            await Task.Delay(20);
        }

        Assert.NotEqual(first, await grain.ActivationId());
        Assert.Equal(5, await grain.GetCount());
    }

    [Fact]
    public async Task A_new_host_over_the_same_database_restores_the_state()
    {
        await using (var silo = await backend.StartSiloAsync(serviceId))
        {
            var grain = silo.GrainFactory.GetGrain<IPersistentCounterGrain>("elev-2");
            await grain.Add(3);
            await grain.Add(4);
        }

        await using var restarted = await backend.StartSiloAsync(serviceId);
        Assert.Equal(7, await restarted.GrainFactory.GetGrain<IPersistentCounterGrain>("elev-2").GetCount());
    }
}

public sealed class SqliteGrainPersistenceTests(SqliteBackend backend) : GrainPersistenceTests(backend), IClassFixture<SqliteBackend>;

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgreSqlGrainPersistenceTests(PostgresBackend backend) : GrainPersistenceTests(backend);
