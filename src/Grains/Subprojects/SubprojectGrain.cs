using PlugInnan.Grains.Rules;

namespace PlugInnan.Grains.Subprojects;

/// <summary>
/// A subproject: its definition, plan and baseline. It reads the figures of its linked schools when
/// asked and gives out only suppressed figures; it stores no student and calls no student grain.
/// </summary>
[GrainType("subproject")]
public sealed class SubprojectGrain(
    [PersistentState("subproject")] IPersistentState<SubprojectState> state,
    SchoolClock time) : Grain, ISubprojectGrain
{
    private const int DigestsKept = 104;

    public async Task<bool> Seed(SubprojectDefinition definition)
    {
        SubprojectRecordRules.Check(definition);
        if (state.State.Definition is not null)
        {
            return false; // never overwrite what is stored: a process leader may have edited it
        }

        state.State.Definition = definition;
        await state.WriteOrRestoreAsync(DeactivateOnIdle);
        return true;
    }

    public Task Define(SubprojectDefinition definition)
    {
        SubprojectRecordRules.Check(definition);
        state.State.Definition = definition;
        return state.WriteOrRestoreAsync(DeactivateOnIdle);
    }

    public async Task<SubprojectDefinition> AddSchool(string schoolName, string schoolUnitCode)
    {
        var definition = state.State.Definition ?? throw new InvalidOperationException($"Subproject {this.GetPrimaryKeyString()} is not defined.");
        RecordCheck.Text(schoolName, "school_name", SubprojectRecordRules.MaxTextLength);
        RecordCheck.Require(SchoolUnitCode.IsValid(schoolUnitCode), "school_unit_code", "must be 8 digits");
        var at = definition.Schools.ToList().FindIndex(s => string.Equals(s.Name, schoolName, StringComparison.OrdinalIgnoreCase));
        var changed = definition with
        {
            Schools = at >= 0
                ? [.. definition.Schools.Select((s, i) => i == at ? s with { SchoolUnitCode = schoolUnitCode } : s)]
                : [.. definition.Schools, new SubprojectSchool(schoolName, schoolUnitCode)],
        };
        SubprojectRecordRules.Check(changed);
        state.State.Definition = changed;
        await state.WriteOrRestoreAsync(DeactivateOnIdle);
        return changed;
    }

    public Task SetPlan(SubprojectPlan plan)
    {
        SubprojectRecordRules.Check(plan);
        state.State.Plan = plan;
        return state.WriteOrRestoreAsync(DeactivateOnIdle);
    }

    public async Task<Baseline> TakeBaseline()
    {
        if (state.State.Baseline is { } taken)
        {
            return taken;
        }

        var (combined, _) = await ReadSchoolsAsync();
        state.State.Baseline = new Baseline(combined.AsOf, combined);
        await state.WriteOrRestoreAsync(DeactivateOnIdle);
        return state.State.Baseline;
    }

    public async Task<SubprojectDigest> RecordDigest()
    {
        var today = SwedishTime.Today(time);
        var week = $"{System.Globalization.ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W{System.Globalization.ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)):00}";
        if (state.State.Digests.Find(d => d.Week == week) is { } recorded)
        {
            return recorded;
        }

        var digest = new SubprojectDigest(week, today, await GetProgress());
        state.State.Digests.Add(digest);
        state.State.Digests.RemoveRange(0, Math.Max(0, state.State.Digests.Count - DigestsKept));
        await state.WriteOrRestoreAsync(DeactivateOnIdle);
        return digest;
    }

    public Task<IReadOnlyList<SubprojectDigest>> ListDigests() =>
        Task.FromResult<IReadOnlyList<SubprojectDigest>>([.. Enumerable.Reverse(state.State.Digests)]);

    public Task<SubprojectDefinition?> GetDefinition() => Task.FromResult(state.State.Definition);

    public Task<SubprojectPlan?> GetPlan() => Task.FromResult(state.State.Plan);

    public Task<Baseline?> GetBaseline() => Task.FromResult(state.State.Baseline);

    public async Task<SubprojectProgress> GetProgress()
    {
        var (combined, perSchool) = await ReadSchoolsAsync();
        var baseline = state.State.Baseline;
        return new SubprojectProgress(
            this.GetPrimaryKeyString(),
            combined.AsOf,
            baseline?.TakenOn,
            ProgressRules.RiskTable(combined),
            ProgressRules.Count(combined.FocusGroup),
            ProgressRules.Measures(baseline?.Figures, combined, state.State.Plan),
            [.. perSchool.Select(s => new SchoolProgress(s.School.Name, s.School.SchoolUnitCode, ProgressRules.RiskTable(s.Figures ?? FigureRules.Combine([], combined.AsOf))))]);
    }

    private async Task<(EngagementFigures Combined, List<(SubprojectSchool School, EngagementFigures? Figures)> PerSchool)> ReadSchoolsAsync()
    {
        var schools = state.State.Definition?.Schools ?? [];
        var figures = await Task.WhenAll(schools.Select(ReadAsync));
        var perSchool = schools.Zip(figures).ToList();
        var combined = FigureRules.Combine([.. figures.OfType<EngagementFigures>()], SwedishTime.Today(time));
        return (combined, perSchool);

        // A school not yet linked to its school unit code has no figures to give.
        async Task<EngagementFigures?> ReadAsync(SubprojectSchool school) =>
            school.SchoolUnitCode is { } code ? await GrainFactory.GetGrain<ISchoolGrain>(code).GetFigures() : null;
    }
}
