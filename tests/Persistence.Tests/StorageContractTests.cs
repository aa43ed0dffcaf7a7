using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using PlugInnan.TestSupport;

namespace PlugInnan.Persistence.Tests;

/// <summary>The storage provider contract; runs once per database (see the sealed classes at the end).</summary>
public abstract class StorageContractTests(StorageBackend backend)
{
    private readonly string serviceId = "contract-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Reading_state_that_was_never_written_gives_a_new_value_and_no_etag()
    {
        await using var silo = await StartAsync();
        var holder = new StateHolder<ProfileState> { State = new() { Name = "stale" }, ETag = "7", RecordExists = true };

        await Storage(silo).ReadStateAsync("profile", Id("nobody"), holder, default);

        Assert.Equal("", holder.State.Name);
        Assert.Null(holder.ETag);
        Assert.False(holder.RecordExists);
    }

    [Fact]
    public async Task Written_state_reads_back_equal_with_the_same_etag()
    {
        await using var silo = await StartAsync();
        var written = new StateHolder<ProfileState> { State = new() { Name = "Åsa Öberg", Count = 3, Tags = ["år 7", "EHT"] } };
        await Storage(silo).WriteStateAsync("profile", Id(), written, default);

        var read = new StateHolder<ProfileState>();
        await Storage(silo).ReadStateAsync("profile", Id(), read, default);

        Assert.Equal(("Åsa Öberg", 3), (read.State.Name, read.State.Count));
        Assert.Equal(["år 7", "EHT"], read.State.Tags);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_throws_InconsistentStateException_and_changes_nothing()
    {
        await using var silo = await StartAsync();
        var storage = Storage(silo);
        var first = new StateHolder<ProfileState> { State = new() { Count = 1 } };
        await storage.WriteStateAsync("profile", Id(), first, default);
        var stale = new StateHolder<ProfileState>();
        await storage.ReadStateAsync("profile", Id(), stale, default);
        first.State.Count = 2;
        await storage.WriteStateAsync("profile", Id(), first, default);

        stale.State.Count = 99;
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("profile", Id(), stale, default));

        Assert.Contains("Version conflict", error.Message, StringComparison.Ordinal);
        var read = new StateHolder<ProfileState>();
        await storage.ReadStateAsync("profile", Id(), read, default);
        Assert.Equal(2, read.State.Count);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task Of_two_first_writes_only_one_succeeds()
    {
        await using var silo = await StartAsync();
        var storage = Storage(silo);

        await storage.WriteStateAsync("profile", Id(), new StateHolder<ProfileState> { State = new() { Name = "a" } }, default);
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync("profile", Id(), new StateHolder<ProfileState> { State = new() { Name = "b" } }, default));

        var read = new StateHolder<ProfileState>();
        await storage.ReadStateAsync("profile", Id(), read, default);
        Assert.Equal("a", read.State.Name);
    }

    [Fact]
    public async Task Clear_resets_the_state_and_keeps_old_etags_stale()
    {
        await using var silo = await StartAsync();
        var storage = Storage(silo);
        var holder = new StateHolder<ProfileState> { State = new() { Name = "x" } };
        await storage.WriteStateAsync("profile", Id(), holder, default);
        var old = new StateHolder<ProfileState>();
        await storage.ReadStateAsync("profile", Id(), old, default);

        await storage.ClearStateAsync("profile", Id(), holder, default);
        Assert.Equal("", holder.State.Name);
        Assert.False(holder.RecordExists);

        var read = new StateHolder<ProfileState>();
        await storage.ReadStateAsync("profile", Id(), read, default);
        Assert.False(read.RecordExists);
        Assert.Equal(holder.ETag, read.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("profile", Id(), old, default));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("profile", Id(), old, default));

        read.State.Name = "again";
        await storage.WriteStateAsync("profile", Id(), read, default);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task State_written_by_the_previous_shape_of_a_class_reads_into_the_new_one_and_back()
    {
        await using var silo = await StartAsync();
        var storage = Storage(silo);
        var old = new StateHolder<ProfileStateV1> { State = new() { Name = "Ali", Count = 4, Tags = ["år 6"], RemovedField = new() { ["deep"] = 2 } } };
        await storage.WriteStateAsync("profile", Id(), old, default);

        var read = new StateHolder<ProfileState>();
        await storage.ReadStateAsync("profile", Id(), read, default);

        Assert.Equal(("Ali", 4, old.ETag), (read.State.Name, read.State.Count, read.ETag));
        Assert.Equal(["år 6"], read.State.Tags);
        Assert.Equal("ingen anteckning", read.State.Note); // the new field's default

        // A silo of the previous release still reads what the new one wrote (a rolling upgrade).
        read.State.Note = "ny";
        await storage.WriteStateAsync("profile", Id(), read, default);
        var back = new StateHolder<ProfileStateV1>();
        await storage.ReadStateAsync("profile", Id(), back, default);
        Assert.Equal(("Ali", 4), (back.State.Name, back.State.Count));
    }

    [Fact]
    public async Task Clearing_state_that_was_never_written_succeeds_and_a_write_after_it_goes_through()
    {
        await using var silo = await StartAsync();
        var storage = Storage(silo);
        var holder = new StateHolder<ProfileState>();

        await storage.ClearStateAsync("profile", Id("never"), holder, default);
        holder.State.Name = "after";
        await storage.WriteStateAsync("profile", Id("never"), holder, default);

        var read = new StateHolder<ProfileState>();
        await storage.ReadStateAsync("profile", Id("never"), read, default);
        Assert.Equal("after", read.State.Name);
    }

    [Fact]
    public async Task State_is_keyed_by_service_state_name_and_grain_key()
    {
        await using var silo = await StartAsync();
        var storage = Storage(silo);
        foreach (var (type, key, name, count) in new[] { ("profile", "k1", "a", 1), ("profile", "k1", "b", 2), ("profile", "k2", "a", 3), ("other", "k1", "c", 4) })
        {
            await storage.WriteStateAsync(name, GrainId.Create(type, key), new StateHolder<ProfileState> { State = new() { Count = count } }, default);
        }

        await using var otherService = await backend.StartSiloAsync(serviceId + "-other");
        var elsewhere = new StateHolder<ProfileState>();
        await Storage(otherService).ReadStateAsync("a", GrainId.Create("profile", "k1"), elsewhere, default);
        Assert.False(elsewhere.RecordExists);

        var counts = new List<int>();
        foreach (var (type, key, name) in new[] { ("profile", "k1", "a"), ("profile", "k1", "b"), ("profile", "k2", "a"), ("other", "k1", "c") })
        {
            var read = new StateHolder<ProfileState>();
            await storage.ReadStateAsync(name, GrainId.Create(type, key), read, default);
            counts.Add(read.State.Count);
        }

        Assert.Equal([1, 2, 3, 4], counts);

        // Orleans keys state by state name, not grain type: the same name and key under another grain type
        // is the same row, which is why every grain of the project has a state name of its own.
        var shared = new StateHolder<ProfileState>();
        await storage.ReadStateAsync("a", GrainId.Create("other", "k1"), shared, default);
        Assert.Equal(1, shared.State.Count);
    }

    [Fact]
    public async Task Schema_is_created_once_and_the_key_is_unique_in_the_table()
    {
        await using (await StartAsync())
        {
        }

        await using var again = await StartAsync();

        Assert.Equal(1L, Convert.ToInt64(await backend.ScalarAsync("SELECT COUNT(*) FROM schema_migrations WHERE version = 1")));
        await backend.InsertRawStateAsync(serviceId, "profile", "dup", 1, [1]);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => backend.InsertRawStateAsync(serviceId, "profile", "dup", 2, [2]));
    }

    private static GrainId Id(string key = "k1") => GrainId.Create("profile", key);

    private static IGrainStorage Storage(TestSilo silo) =>
        silo.Services.GetRequiredKeyedService<IGrainStorage>(Orleans.Providers.ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

    private Task<TestSilo> StartAsync() => backend.StartSiloAsync(serviceId);
}

public sealed class SqliteStorageContractTests(SqliteBackend backend) : StorageContractTests(backend), IClassFixture<SqliteBackend>;

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgreSqlStorageContractTests(PostgresBackend backend) : StorageContractTests(backend);
