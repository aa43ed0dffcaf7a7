namespace PlugInnan.Grains.Programme;

/// <summary>A programme's list of subprojects; adding is idempotent, so seeding at every start is harmless.</summary>
[GrainType("programme")]
public sealed class ProgrammeGrain([PersistentState("programme")] IPersistentState<ProgrammeState> state) : Grain, IProgrammeGrain
{
    public async Task<int> AddSubprojects(IReadOnlyList<SubprojectEntry> subprojects)
    {
        ArgumentNullException.ThrowIfNull(subprojects);
        var known = state.State.Subprojects.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var added = subprojects.Where(s => known.Add(s.Id)).ToList();
        if (added.Count > 0)
        {
            state.State.Subprojects.AddRange(added);
            await state.WriteOrRestoreAsync(DeactivateOnIdle);
        }

        return added.Count;
    }

    public Task<IReadOnlyList<SubprojectEntry>> ListSubprojects() =>
        Task.FromResult<IReadOnlyList<SubprojectEntry>>([.. state.State.Subprojects]);
}
