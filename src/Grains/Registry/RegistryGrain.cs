namespace PlugInnan.Grains.Registry;

/// <summary>A registry of ids; adding is idempotent, so seeding at every start is harmless.</summary>
[GrainType("registry")]
public sealed class RegistryGrain([PersistentState("registry")] IPersistentState<RegistryState> state) : Grain, IRegistryGrain
{
    public async Task<int> AddMissing(IReadOnlyList<RegistryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var known = state.State.Entries.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var added = entries.Where(s => known.Add(s.Id)).ToList();
        if (added.Count > 0)
        {
            state.State.Entries.AddRange(added);
            await state.WriteOrRestoreAsync(DeactivateOnIdle);
        }

        return added.Count;
    }

    public Task Put(RegistryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var at = state.State.Entries.FindIndex(e => e.Id == entry.Id);
        if (at >= 0 && state.State.Entries[at] == entry)
        {
            return Task.CompletedTask;
        }

        if (at >= 0)
        {
            state.State.Entries[at] = entry;
        }
        else
        {
            state.State.Entries.Add(entry);
        }

        return state.WriteOrRestoreAsync(DeactivateOnIdle);
    }

    public Task<IReadOnlyList<RegistryEntry>> List() => Task.FromResult<IReadOnlyList<RegistryEntry>>([.. state.State.Entries]);
}
