namespace PlugInnan.Grains.Rules;

/// <summary>
/// A school's figures from its roster, and several schools' figures added up. Everything is a count or
/// a sum, so combining schools gives exactly what one roster of all their students would give.
/// </summary>
public static class FigureRules
{
    private const int FinalYear = 9;

    /// <param name="leavers">The school's archive of year-9 leavers; those of the last twelve months count.</param>
    public static EngagementFigures FromRoster(IEnumerable<StudentSummary> roster, DateOnly today, IEnumerable<LeaverRecord>? leavers = null)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var recentLeavers = (leavers ?? []).Where(l => l.LeftOn > today.AddYears(-1)).ToList();
        var students = roster.ToList();
        var perLevel = Enum.GetValues<RiskLevel>().ToDictionary(l => l, l => students.Count(s => s.Risk == l));
        var year9 = students.Where(s => s.YearLevel == FinalYear).ToList();
        var projected = year9.Where(s => s.Projection is not null).Select(s => s.Projection!).ToList();
        var checkIns = students.Where(s => s.LatestCheckIn is not null).Select(s => s.LatestCheckIn!).ToList();
        var interventions = students
            .SelectMany(s => s.OpenItems)
            .Where(i => i is { Kind: OpenItemKind.Intervention, Area: not null, Level: not null })
            .GroupBy(i => (Area: i.Area!.Value, Level: i.Level!.Value))
            .Select(g => new InterventionCount(g.Key.Area, g.Key.Level, g.Count(), g.Count(i => i.DueOn < today)));

        return new EngagementFigures(
            today,
            students.Count,
            perLevel,
            students.Sum(s => (long)s.Term.Scheduled),
            students.Sum(s => (long)s.Term.Absent),
            year9.Count,
            projected.Count,
            projected.Count(p => p.Vocational),
            Enum.GetValues<ProgrammeGroup>().ToDictionary(g => g, g => projected.Count(p => p.ProgrammeGroups.Contains(g))),
            new ConnectednessSums(
                checkIns.Count, checkIns.Sum(c => c.Behavioural), checkIns.Sum(c => c.Academic), checkIns.Sum(c => c.Cognitive), checkIns.Sum(c => c.Affective)),
            Ordered(interventions),
            recentLeavers.Count,
            recentLeavers.Count(l => l.EligibleVocational));
    }

    public static EngagementFigures Combine(IReadOnlyCollection<EngagementFigures> schools, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(schools);
        var interventions = schools
            .SelectMany(f => f.Interventions)
            .GroupBy(i => (i.Area, i.Level))
            .Select(g => new InterventionCount(g.Key.Area, g.Key.Level, g.Sum(i => i.Open), g.Sum(i => i.Overdue)));
        var c = schools.Select(f => f.Connectedness).ToList();
        return new EngagementFigures(
            today,
            schools.Sum(f => f.Students),
            Enum.GetValues<RiskLevel>().ToDictionary(l => l, l => schools.Sum(f => f.StudentsPerRiskLevel.GetValueOrDefault(l))),
            schools.Sum(f => f.ScheduledMinutes),
            schools.Sum(f => f.AbsentMinutes),
            schools.Sum(f => f.Year9Students),
            schools.Sum(f => f.Year9Projected),
            schools.Sum(f => f.Year9ProjectedVocational),
            Enum.GetValues<ProgrammeGroup>().ToDictionary(g => g, g => schools.Sum(f => f.Year9ProjectedPerGroup.GetValueOrDefault(g))),
            new ConnectednessSums(c.Sum(x => x.Students), c.Sum(x => x.Behavioural), c.Sum(x => x.Academic), c.Sum(x => x.Cognitive), c.Sum(x => x.Affective)),
            Ordered(interventions),
            schools.Sum(f => f.Leavers),
            schools.Sum(f => f.LeaversEligibleVocational));
    }

    private static List<InterventionCount> Ordered(IEnumerable<InterventionCount> counts) =>
        [.. counts.OrderBy(i => i.Area).ThenBy(i => i.Level)];
}
