namespace PlugInnan.Grains.Rules;

/// <summary>
/// A subproject's progress: each measure today against the baseline, as a step change in the measure's
/// own unit (a share 0–1, steps on the 1–5 connectedness scale, a count). A value resting on a group
/// smaller than the minimum (5) is withheld, and so is the change it would give.
/// </summary>
public static class ProgressRules
{
    public static IReadOnlyList<MeasureProgress> Measures(
        EngagementFigures? baseline, EngagementFigures current, SubprojectPlan? plan, int minimum = SmallGroupSuppression.DefaultMinimum)
    {
        ArgumentNullException.ThrowIfNull(current);
        var measures = plan is { Goals.Count: > 0 }
            ? plan.Goals.Select(g => g.Measure).Distinct().ToList()
            : [.. Enum.GetValues<ProgressMeasure>()];
        return
        [
            .. measures.Select(measure =>
            {
                var then = baseline is null ? null : Value(measure, baseline, minimum);
                var now = Value(measure, current, minimum);
                var target = plan?.Goals.FirstOrDefault(g => g.Measure == measure)?.Target;
                bool? met = target is { } t && now is { } n ? (LowerIsBetter(measure) ? n <= t : n >= t) : null;
                return new MeasureProgress(measure, then, now, then is { } b && now is { } c ? c - b : null, target, met);
            }),
        ];
    }

    /// <summary>The measure's value, or null when it rests on fewer than <paramref name="minimum"/> students (or on none).</summary>
    public static double? Value(ProgressMeasure measure, EngagementFigures figures, int minimum = SmallGroupSuppression.DefaultMinimum)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var c = figures.Connectedness;
        return measure switch
        {
            ProgressMeasure.ProjectedEligibility => Share(figures.Year9ProjectedVocational, figures.Year9Projected, minimum),
            ProgressMeasure.AttendanceRate => figures.Students >= minimum ? figures.AttendanceRate : null,
            ProgressMeasure.FocusGroup => Count(figures.FocusGroup, minimum),
            ProgressMeasure.Connectedness => Mean(c.Behavioural + c.Academic + c.Cognitive + c.Affective, c.Students * 4, c.Students, minimum),
            ProgressMeasure.ConnectednessBehavioural => Mean(c.Behavioural, c.Students, c.Students, minimum),
            ProgressMeasure.ConnectednessAcademic => Mean(c.Academic, c.Students, c.Students, minimum),
            ProgressMeasure.ConnectednessCognitive => Mean(c.Cognitive, c.Students, c.Students, minimum),
            ProgressMeasure.ConnectednessAffective => Mean(c.Affective, c.Students, c.Students, minimum),
            ProgressMeasure.InterventionsOverdue => Count(figures.Interventions.Sum(i => i.Overdue), minimum),
            ProgressMeasure.LeaverEligibility => Share(figures.LeaversEligibleVocational, figures.Leavers, minimum),
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Unknown measure."),
        };
    }

    /// <summary>Share of year 9 students with a projection whose grades make them eligible for <paramref name="group"/>; null under the minimum.</summary>
    public static double? ProjectedEligibility(ProgrammeGroup group, EngagementFigures figures, int minimum = SmallGroupSuppression.DefaultMinimum)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return Share(figures.Year9ProjectedPerGroup.GetValueOrDefault(group), figures.Year9Projected, minimum);
    }

    public static bool LowerIsBetter(ProgressMeasure measure) => measure is ProgressMeasure.FocusGroup or ProgressMeasure.InterventionsOverdue;

    /// <summary>The students per risk level as a table that may leave the school.</summary>
    public static SuppressedCounts RiskTable(EngagementFigures figures, int minimum = SmallGroupSuppression.DefaultMinimum)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return SmallGroupSuppression.Apply(
            Enum.GetValues<RiskLevel>().ToDictionary(l => l.ToString(), l => figures.StudentsPerRiskLevel.GetValueOrDefault(l)),
            minimum);
    }

    /// <summary>A count of students may be shown when it is 0 or at least the minimum.</summary>
    public static int? Count(int count, int minimum = SmallGroupSuppression.DefaultMinimum) => count == 0 || count >= minimum ? count : null;

    private static double? Share(int part, int whole, int minimum) => whole >= minimum ? (double)part / whole : null;

    private static double? Mean(int sum, int count, int students, int minimum) => students >= minimum ? (double)sum / count : null;
}
