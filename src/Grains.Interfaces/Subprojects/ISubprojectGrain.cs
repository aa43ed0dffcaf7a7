namespace PlugInnan.Grains;

/// <summary>
/// A subproject (delprojekt), keyed by its slug. It reads its schools' figures and never holds
/// individual students' data; everything it gives out has small groups suppressed.
/// </summary>
public interface ISubprojectGrain : IGrainWithStringKey
{
    /// <summary>Stores the definition only if the subproject has none yet; true if it did.</summary>
    Task<bool> Seed(SubprojectDefinition definition);

    /// <summary>Replaces the definition (a process leader's edit); the plan and baseline stay.</summary>
    Task Define(SubprojectDefinition definition);

    /// <summary>Links a school the subproject names (any letter case) to its school unit code, or adds a new one; returns the definition.</summary>
    Task<SubprojectDefinition> AddSchool(string schoolName, string schoolUnitCode);

    Task SetPlan(SubprojectPlan plan);

    /// <summary>Freezes today's figures of the linked schools as the baseline; a baseline once taken stays (returned as is).</summary>
    Task<Baseline> TakeBaseline();

    [ReadOnly]
    Task<SubprojectDefinition?> GetDefinition();

    [ReadOnly]
    Task<SubprojectPlan?> GetPlan();

    [ReadOnly]
    Task<Baseline?> GetBaseline();

    /// <summary>Records this week's digest, once a week however often it is asked; returns it.</summary>
    Task<SubprojectDigest> RecordDigest();

    /// <summary>
    /// Adds a restated digest for each Monday from <paramref name="since"/> to last week's that has none,
    /// from the schools' students' records as they stood that Monday (each student grain asked once
    /// for all the weeks); digests already there stay. Only within the current school year, as the rollover
    /// moved earlier records on. Returns the digests it added, oldest first.
    /// </summary>
    Task<IReadOnlyList<SubprojectDigest>> RestateDigests(DateOnly since);

    /// <summary>The weekly digests, newest first (the last two years).</summary>
    [ReadOnly]
    Task<IReadOnlyList<SubprojectDigest>> ListDigests();

    /// <summary>Today against the baseline, with small groups suppressed.</summary>
    [ReadOnly]
    Task<SubprojectProgress> GetProgress();
}
