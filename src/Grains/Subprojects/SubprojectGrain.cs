using PlugInnan.Grains.Rules;

namespace PlugInnan.Grains.Subprojects;

/// <summary>
/// A subproject: its definition, plan and baseline. It reads the figures of its linked schools when
/// asked and gives out only suppressed figures; it stores no student, and asks student grains only when
/// it restates past digests.
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

        var (_, figures) = await ReadSchoolsAsync();
        var combined = Combined(figures, SwedishTime.Today(time));
        state.State.Baseline = new Baseline(combined.AsOf, combined);
        await state.WriteOrRestoreAsync(DeactivateOnIdle);
        return state.State.Baseline;
    }

    public async Task<SubprojectDigest> RecordDigest()
    {
        var today = SwedishTime.Today(time);
        var week = IsoWeek(today);
        if (state.State.Digests.Find(d => d.Week == week) is { } recorded)
        {
            return recorded;
        }

        var digest = new SubprojectDigest(week, today, await GetProgress());
        await KeepAsync([digest]);
        return digest;
    }

    public async Task<IReadOnlyList<SubprojectDigest>> RestateDigests(DateOnly since)
    {
        var today = SwedishTime.Today(time);
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var schoolYearStart = new DateOnly(SchoolCalendarRules.AutumnYear(today), 7, 1);
        RecordCheck.Require(since < thisMonday, "since", $"must be before this week's Monday {thisMonday:yyyy-MM-dd} (this week's digest is the scheduler's)");
        RecordCheck.Require(since >= schoolYearStart, "since", $"must be in the current school year, on or after {schoolYearStart:yyyy-MM-dd} (the rollover moved earlier records on)");

        var mondays = new List<DateOnly>();
        for (var monday = since.AddDays((8 - (int)since.DayOfWeek) % 7); monday < thisMonday; monday = monday.AddDays(7))
        {
            if (!state.State.Digests.Exists(d => d.Week == IsoWeek(monday)))
            {
                mondays.Add(monday);
            }
        }

        if (mondays.Count == 0)
        {
            return [];
        }

        // Each school's figures for every week at once: its settings and members read once, each student asked once.
        var schools = state.State.Definition?.Schools ?? [];
        var perSchool = await Task.WhenAll(schools.Select(s => s.SchoolUnitCode is { } code ? FiguresAsOfAsync(code, mondays) : Task.FromResult<EngagementFigures?[]?>(null)));
        var added = mondays.Select((monday, w) => new SubprojectDigest(IsoWeek(monday), today, Progress(schools, [.. perSchool.Select(f => f?[w])], monday), Restated: true)).ToList();
        await KeepAsync(added);
        return added;
    }

    // Oldest first by week (restated weeks fall between recorded ones), the last two years kept.
    private Task KeepAsync(IReadOnlyList<SubprojectDigest> digests)
    {
        var all = state.State.Digests;
        all.AddRange(digests);
        all.Sort((a, b) => string.CompareOrdinal(a.Week, b.Week));
        all.RemoveRange(0, Math.Max(0, all.Count - DigestsKept));
        return state.WriteOrRestoreAsync(DeactivateOnIdle);
    }

    // A school's figures on each of some past days, from each member's records as they stood then. Nobody
    // here waits on the school while its students are asked, so a student reporting to it is never blocked.
    private async Task<EngagementFigures?[]?> FiguresAsOfAsync(string schoolUnitCode, IReadOnlyList<DateOnly> days)
    {
        var school = GrainFactory.GetGrain<ISchoolGrain>(schoolUnitCode);
        var settings = await school.GetSettings();
        var leavers = await school.GetLeavers();
        var members = await school.GetMembers();
        var summaries = await Task.WhenAll(members.Select(id => GrainFactory.GetGrain<IStudentGrain>(id).GetSummariesAsOf(schoolUnitCode, settings, days)));
        return [.. days.Select((day, d) => (EngagementFigures?)FigureRules.FromRoster(summaries.Select(s => s[d]).OfType<StudentSummary>(), day, leavers.Where(l => l.LeftOn <= day)))];
    }

    private static string IsoWeek(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{System.Globalization.ISOWeek.GetYear(date)}-W{System.Globalization.ISOWeek.GetWeekOfYear(date):00}");
    }

    public Task<IReadOnlyList<SubprojectDigest>> ListDigests() =>
        Task.FromResult<IReadOnlyList<SubprojectDigest>>([.. Enumerable.Reverse(state.State.Digests)]);

    public Task<SubprojectDefinition?> GetDefinition() => Task.FromResult(state.State.Definition);

    public Task<SubprojectPlan?> GetPlan() => Task.FromResult(state.State.Plan);

    public Task<Baseline?> GetBaseline() => Task.FromResult(state.State.Baseline);

    public async Task<SubprojectProgress> GetProgress()
    {
        var (schools, figures) = await ReadSchoolsAsync();
        return Progress(schools, figures, SwedishTime.Today(time));
    }

    private async Task<(IReadOnlyList<SubprojectSchool> Schools, EngagementFigures?[] Figures)> ReadSchoolsAsync()
    {
        var schools = state.State.Definition?.Schools ?? [];
        return (schools, await Task.WhenAll(schools.Select(ReadAsync)));

        // A school not yet linked to its school unit code has no figures to give.
        async Task<EngagementFigures?> ReadAsync(SubprojectSchool school) =>
            school.SchoolUnitCode is { } code ? await GrainFactory.GetGrain<ISchoolGrain>(code).GetFigures() : null;
    }

    private SubprojectProgress Progress(IReadOnlyList<SubprojectSchool> schools, EngagementFigures?[] figures, DateOnly day)
    {
        var combined = Combined(figures, day);
        var baseline = state.State.Baseline;
        return new SubprojectProgress(
            this.GetPrimaryKeyString(),
            combined.AsOf,
            baseline?.TakenOn,
            ProgressRules.RiskTable(combined),
            ProgressRules.Count(combined.FocusGroup),
            ProgressRules.Measures(baseline?.Figures, combined, state.State.Plan),
            [.. schools.Zip(figures).Select(s => new SchoolProgress(s.First.Name, s.First.SchoolUnitCode, ProgressRules.RiskTable(s.Second ?? FigureRules.Combine([], combined.AsOf))))]);
    }

    // The linked schools' figures as one; a school without a code has none.
    private static EngagementFigures Combined(EngagementFigures?[] figures, DateOnly day) => FigureRules.Combine([.. figures.OfType<EngagementFigures>()], day);
}
