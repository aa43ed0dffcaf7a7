using PlugInnan.Grains.Rules;

namespace PlugInnan.Grains.Tests;

public sealed class FigureRulesTests
{
    private static readonly DateOnly Today = new(2026, 10, 1);

    [Fact]
    public void Combining_schools_gives_what_one_roster_of_all_their_students_gives()
    {
        var random = new Random(7);
        var first = Enumerable.Range(0, 13).Select(i => Student(random, $"a{i}")).ToList();
        var second = Enumerable.Range(0, 9).Select(i => Student(random, $"b{i}")).ToList();

        var leaversA = new[] { Leaver("x1", true, Today.AddMonths(-3)), Leaver("x2", false, Today.AddMonths(-3)), Leaver("old", true, Today.AddMonths(-15)) };
        var leaversB = new[] { Leaver("y1", true, Today.AddMonths(-3)) };
        var combined = FigureRules.Combine([FigureRules.FromRoster(first, Today, leaversA), FigureRules.FromRoster(second, Today, leaversB)], Today);
        var whole = FigureRules.FromRoster([.. first, .. second], Today, [.. leaversA, .. leaversB]);

        Assert.Equal(Flatten(whole), Flatten(combined));
        Assert.Equal((3, 2), (whole.Leavers, whole.LeaversEligibleVocational)); // the one who left 15 months ago no longer counts
    }

    [Fact]
    public void Rates_and_means_rest_on_at_least_five_students()
    {
        var four = FigureRules.FromRoster([.. Enumerable.Range(0, 4).Select(i => Student(new Random(i), $"s{i}"))], Today);
        var five = FigureRules.FromRoster([.. Enumerable.Range(0, 5).Select(i => Student(new Random(i), $"s{i}"))], Today);

        Assert.Null(ProgressRules.Value(ProgressMeasure.AttendanceRate, four));
        Assert.NotNull(ProgressRules.Value(ProgressMeasure.AttendanceRate, five));
        Assert.Equal((0, null, 5), (ProgressRules.Count(0), ProgressRules.Count(4), ProgressRules.Count(5)));
    }

    [Fact]
    public void Targets_count_as_met_downwards_for_counts_of_problems()
    {
        var figures = FigureRules.FromRoster([.. Enumerable.Range(0, 6).Select(i => Student(new Random(i), $"s{i}") with { Risk = RiskLevel.High })], Today);
        var plan = new SubprojectPlan([new("a", "Färre i fokusgruppen", ProgressMeasure.FocusGroup, 6), new("b", "Högre närvaro", ProgressMeasure.AttendanceRate, 0.99)]);

        var measures = ProgressRules.Measures(null, figures, plan);

        Assert.Equal([(ProgressMeasure.FocusGroup, (bool?)true), (ProgressMeasure.AttendanceRate, false)], measures.Select(m => (m.Measure, m.TargetMet)));
        Assert.All(measures, m => Assert.Null(m.Change)); // no baseline yet
    }

    private static LeaverRecord Leaver(string id, bool eligible, DateOnly leftOn) => new(id, "11111111", leftOn, eligible, [], 0);

    private static StudentSummary Student(Random random, string id)
    {
        var scheduled = random.Next(600, 1200);
        var absent = random.Next(0, scheduled / 4);
        var projected = random.Next(3) > 0;
        return new StudentSummary(
            id,
            7 + random.Next(3),
            SecurityMarking.None,
            Today,
            (RiskLevel)random.Next(4),
            [],
            new TermMinutes(scheduled, absent, absent / 2),
            projected ? new EligibilityProjection(random.Next(2) == 0, random.Next(2) == 0 ? [ProgrammeGroup.Arts] : [], true) : null,
            random.Next(2) == 0 ? new ConnectednessCheckIn(Today, random.Next(1, 6), random.Next(1, 6), random.Next(1, 6), random.Next(1, 6)) : null,
            [.. Enumerable.Range(0, random.Next(3)).Select(n => new OpenItem(
                OpenItemKind.Intervention, $"{id}-{n}", Today.AddDays(random.Next(-10, 10)), (DevelopmentArea)random.Next(1, 6), (PreventionLevel)random.Next(1, 4)))],
            null);
    }

    private static string Flatten(EngagementFigures f) => string.Join(
        "; ",
        f.Students,
        string.Join(",", f.StudentsPerRiskLevel.OrderBy(p => p.Key)),
        f.ScheduledMinutes,
        f.AbsentMinutes,
        f.Year9Students,
        f.Year9Projected,
        f.Year9ProjectedVocational,
        string.Join(",", f.Year9ProjectedPerGroup.OrderBy(p => p.Key)),
        f.Connectedness,
        string.Join(",", f.Interventions),
        f.Leavers,
        f.LeaversEligibleVocational);
}
