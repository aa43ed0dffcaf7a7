using Orleans;
using Orleans.Runtime;

namespace PlugInnan.Persistence;

/// <summary>
/// Applies the schema scripts at the first stage of the silo's start, before Orleans' storage and
/// membership providers read their queries from the <c>OrleansQuery</c> table.
/// </summary>
internal sealed class SchemaLifecycle(StorageDatabase database) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaLifecycle), ServiceLifecycleStage.First, _ => database.EnsureSchemaAsync());
}
