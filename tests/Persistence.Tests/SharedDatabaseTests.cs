using Orleans.Storage;

namespace PlugInnan.Persistence.Tests;

/// <summary>Two separate clusters on one PostgreSQL database and service id: the version check keeps them from overwriting each other.</summary>
[Collection(PostgresServerDefinition.Name)]
public sealed class SharedDatabaseTests(PostgresBackend backend)
{
    [Fact]
    public async Task Two_hosts_writing_one_grain_conflict_and_after_rereading_lose_no_update()
    {
        var serviceId = "shared-" + Guid.NewGuid().ToString("N")[..8];
        await using var hostA = await backend.StartSiloAsync(serviceId);
        await using var hostB = await backend.StartSiloAsync(serviceId);
        var onA = hostA.GrainFactory.GetGrain<IPersistentCounterGrain>("skola-1");
        var onB = hostB.GrainFactory.GetGrain<IPersistentCounterGrain>("skola-1");
        await onA.GetCount(); // both activations read the same (empty) version
        await onB.GetCount();

        Assert.Equal(1, await onA.Add(1));
        await Assert.ThrowsAsync<InconsistentStateException>(() => onB.Add(1));

        await onB.Reload();
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? onA.AddWithRetry(1) : onB.AddWithRetry(1)));

        await onA.Reload();
        Assert.Equal(101, await onA.GetCount());
    }
}
