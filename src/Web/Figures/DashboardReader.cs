using PlugInnan.Grains;
using PlugInnan.Grains.Rules;
using PlugInnan.Web.Access;

namespace PlugInnan.Web.Figures;

/// <summary>
/// A subproject on the region page: its schools' figures combined now and at the baseline, read once;
/// every value shown goes through <see cref="ProgressRules"/>, so small groups are withheld (null).
/// </summary>
public sealed record SubprojectRow(RegistryEntry Entry, SubprojectDefinition? Definition, EngagementFigures Now, EngagementFigures? Baseline)
{
    public SuppressedCounts StudentsPerRiskLevel => ProgressRules.RiskTable(Now);

    public (double? Now, double? Baseline) Measure(ProgressMeasure measure) =>
        (ProgressRules.Value(measure, Now), Baseline is null ? null : ProgressRules.Value(measure, Baseline));

    /// <summary>Year 9's projected eligibility for <paramref name="group"/>, now and at the baseline.</summary>
    public (double? Now, double? Baseline) Eligibility(ProgrammeGroup group) =>
        (ProgressRules.ProjectedEligibility(group, Now), Baseline is null ? null : ProgressRules.ProjectedEligibility(group, Baseline));
}

/// <summary>Open and overdue interventions per development area and prevention level, summed over the schools; small counts withheld.</summary>
public sealed record InterventionCell(DevelopmentArea Area, PreventionLevel Level, int? Open, int? Overdue);

public sealed record SubprojectPage(
    RegistryEntry Entry, SubprojectDefinition Definition, SubprojectProgress Progress, IReadOnlyList<SubprojectDigest> Digests, IReadOnlyList<InterventionCell> Interventions);

public sealed record SchoolPage(
    string SchoolUnitCode, SchoolProfile Profile, IReadOnlyList<(ProgressMeasure Measure, double? Value)> Measures, SuppressedCounts StudentsPerRiskLevel, Backlog Backlog,
    IReadOnlyList<(string Week, int? FocusGroup)> FocusTrend);

/// <summary>
/// What the pages show, read from the grains in the silo and suppressed with the same rules as the
/// API (<see cref="ProgressRules"/>): no student, no name, no count under 5. Access is the caller's to
/// check first (see <see cref="WebUser"/>); these methods only read.
/// </summary>
public sealed class DashboardReader(IGrainFactory grains, SchoolClock time)
{
    public async Task<IReadOnlyList<SubprojectRow>> RegionAsync(WebUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var rows = new List<SubprojectRow>();
        foreach (var entry in await grains.GetGrain<IRegistryGrain>(Registries.Subprojects).List())
        {
            if (user.SeesSubproject(entry.Id))
            {
                var grain = grains.GetGrain<ISubprojectGrain>(entry.Id);
                var definition = await grain.GetDefinition();
                var now = FigureRules.Combine(await FiguresAsync(definition), SwedishTime.Today(time));
                rows.Add(new SubprojectRow(entry, definition, now, (await grain.GetBaseline())?.Figures));
            }
        }

        return rows;
    }

    private async Task<List<EngagementFigures>> FiguresAsync(SubprojectDefinition? definition)
    {
        var figures = new List<EngagementFigures>();
        foreach (var code in definition?.Schools.Select(s => s.SchoolUnitCode).OfType<string>() ?? [])
        {
            figures.Add(await grains.GetGrain<ISchoolGrain>(code).GetFigures());
        }

        return figures;
    }

    public async Task<SubprojectPage?> SubprojectAsync(string id)
    {
        var entry = (await grains.GetGrain<IRegistryGrain>(Registries.Subprojects).List()).FirstOrDefault(e => e.Id == id);
        var grain = grains.GetGrain<ISubprojectGrain>(id);
        if (entry is null || await grain.GetDefinition() is not { } definition)
        {
            return null;
        }

        var sums = new Dictionary<(DevelopmentArea, PreventionLevel), (int Open, int Overdue)>();
        foreach (var code in definition.Schools.Select(s => s.SchoolUnitCode).OfType<string>())
        {
            foreach (var count in (await grains.GetGrain<ISchoolGrain>(code).GetFigures()).Interventions)
            {
                var (open, overdue) = sums.GetValueOrDefault((count.Area, count.Level));
                sums[(count.Area, count.Level)] = (open + count.Open, overdue + count.Overdue);
            }
        }

        var cells = Enum.GetValues<DevelopmentArea>()
            .SelectMany(area => Enum.GetValues<PreventionLevel>().Select(level => (area, level)))
            .Select(k => new InterventionCell(k.area, k.level, ProgressRules.Count(sums.GetValueOrDefault(k).Open), ProgressRules.Count(sums.GetValueOrDefault(k).Overdue)))
            .ToList();
        var digests = (await grain.ListDigests()).OrderBy(d => d.Week, StringComparer.Ordinal).ToList();
        return new SubprojectPage(entry, definition, await grain.GetProgress(), digests, cells);
    }

    /// <summary>The subprojects that have the school among theirs: whose process leaders may see it.</summary>
    public async Task<IReadOnlyList<string>> SubprojectsOfAsync(string schoolUnitCode)
    {
        var found = new List<string>();
        foreach (var entry in await grains.GetGrain<IRegistryGrain>(Registries.Subprojects).List())
        {
            if (await grains.GetGrain<ISubprojectGrain>(entry.Id).GetDefinition() is { } definition && definition.Schools.Any(s => s.SchoolUnitCode == schoolUnitCode))
            {
                found.Add(entry.Id);
            }
        }

        return found;
    }

    public async Task<SchoolPage?> SchoolAsync(string schoolUnitCode, IReadOnlyList<string> subprojects)
    {
        ArgumentNullException.ThrowIfNull(subprojects);
        var school = grains.GetGrain<ISchoolGrain>(schoolUnitCode);
        if (await school.GetProfile() is not { } profile)
        {
            return null;
        }

        var figures = await school.GetFigures();
        var measures = new[] { ProgressMeasure.ProjectedEligibility, ProgressMeasure.AttendanceRate, ProgressMeasure.FocusGroup, ProgressMeasure.Connectedness, ProgressMeasure.InterventionsOverdue }
            .Select(m => (m, ProgressRules.Value(m, figures))).ToList();
        var tasks = await grains.GetGrain<IFollowUpGrain>(schoolUnitCode).List(new FollowUpFilter());
        var trend = new List<(string, int?)>();
        if (subprojects.Count > 0)
        {
            // The school's students at elevated or high risk, week by week, from a subproject's digests (already suppressed).
            foreach (var digest in (await grains.GetGrain<ISubprojectGrain>(subprojects[0]).ListDigests()).OrderBy(d => d.Week, StringComparer.Ordinal))
            {
                var cells = digest.Progress.Schools.FirstOrDefault(s => s.SchoolUnitCode == schoolUnitCode)?.StudentsPerRiskLevel.Cells;
                int? Cell(RiskLevel level) => cells?.GetValueOrDefault(level.ToString());
                trend.Add((digest.Week, Cell(RiskLevel.Elevated) is { } e && Cell(RiskLevel.High) is { } h ? e + h : null));
            }
        }

        return new SchoolPage(schoolUnitCode, profile, measures, ProgressRules.RiskTable(figures), Backlog.From(tasks, SwedishTime.Today(time)), trend);
    }
}
