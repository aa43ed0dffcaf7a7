using PlugInnan.Grains.Rules;

namespace PlugInnan.Grains.Tests;

public sealed class RiskRulesTests
{
    private static readonly DateOnly Today = new(2026, 10, 1);
    private static readonly RoutineSettings Defaults = new();
    private static readonly AbsenceSummary NoAbsence = new(0, 0, 0, 0, null, null);

    [Fact]
    public void Nothing_to_act_on_gives_no_risk_and_no_reasons()
    {
        var assessment = Assess(Inputs());

        Assert.Equal(RiskLevel.None, assessment.Level);
        Assert.Empty(assessment.Reasons);
    }

    [Theory]
    [InlineData(0.099, RiskLevel.None)]
    [InlineData(0.10, RiskLevel.Watch)]
    [InlineData(0.199, RiskLevel.Watch)]
    [InlineData(0.20, RiskLevel.High)]
    public void Absence_over_the_window_sets_watch_at_10_and_high_at_20_percent(double rate, RiskLevel expected)
    {
        var since = new DateOnly(2026, 9, 14);
        var assessment = Assess(Inputs() with { Absence = NoAbsence with { WindowRate = rate, FirstAbsenceInWindow = since } });

        Assert.Equal(expected, assessment.Level);
        if (expected != RiskLevel.None)
        {
            var reason = Assert.Single(assessment.Reasons);
            Assert.Equal((RiskRules.AbsenceWindow, expected == RiskLevel.High ? "0.2" : "0.1", since), (reason.Indicator, reason.Threshold, reason.Since));
        }
    }

    [Fact]
    public void An_F_or_dash_in_a_core_subject_is_elevated_and_the_latest_grade_counts()
    {
        var assessment = Assess(Inputs() with
        {
            Grades = [Records.Grade("MA", "F", new(2025, 12, 18)), Records.Grade("MA", "E", new(2026, 6, 10)), Records.Grade("EN", "-", new(2026, 6, 10)), Records.Grade("BI", "F", new(2026, 6, 10))],
        });

        var reason = Assert.Single(assessment.Reasons);
        Assert.Equal(RiskLevel.Elevated, assessment.Level);
        Assert.Equal(("core_subject_grade:EN", "-", "E", new DateOnly(2026, 6, 10)), (reason.Indicator, reason.Value, reason.Threshold, reason.Since));
    }

    [Fact]
    public void A_full_set_of_grades_that_does_not_reach_vocational_eligibility_is_high()
    {
        var on = new DateOnly(2026, 6, 10);
        var grades = Records.Grades("SV:E EN:E MA:E BL:E HKK:E IDH:F MU:F TK:F", on);

        var assessment = Assess(Inputs() with { Grades = grades });

        Assert.Equal(RiskLevel.High, assessment.Level);
        Assert.Equal(RiskRules.VocationalProjection, Assert.Single(assessment.Reasons).Indicator);
    }

    [Fact]
    public void Too_few_grades_make_no_projection()
    {
        var assessment = Assess(Inputs() with { Grades = [Records.Grade("SV", "C", new(2026, 6, 10)), Records.Grade("EN", "C", new(2026, 6, 10)), Records.Grade("MA", "C", new(2026, 6, 10))] });

        Assert.Equal(RiskLevel.None, assessment.Level);
    }

    [Fact]
    public void Alerts_connectedness_and_open_investigations_each_give_their_reason()
    {
        var assessment = Assess(Inputs() with
        {
            OpenAlerts = [new("SH", new(2026, 9, 20))],
            LatestCheckIn = new(new(2026, 9, 25), Behavioural: 2, Academic: 2, Cognitive: 3, Affective: 1),
            OpenInvestigationSince = new(2026, 9, 28),
        });

        Assert.Equal(RiskLevel.Elevated, assessment.Level);
        Assert.Equal(
            ["subject_alert:SH", RiskRules.Connectedness, RiskRules.OpenInvestigation],
            assessment.Reasons.Select(r => r.Indicator));
        Assert.Equal("2", assessment.Reasons[1].Value);
    }

    [Fact]
    public void In_the_first_weeks_after_the_move_to_year_7_a_warning_is_raised_one_step()
    {
        var moved = new DateOnly(2026, 8, 17);
        var watch = Inputs() with { Absence = NoAbsence with { WindowRate = 0.12 }, MovedToYear7On = moved };

        var early = RiskRules.Assess(watch, Defaults, SwedishGradingScale.Instance, moved.AddDays(20));
        var later = RiskRules.Assess(watch, Defaults, SwedishGradingScale.Instance, moved.AddDays(60));
        var quiet = RiskRules.Assess(Inputs() with { MovedToYear7On = moved }, Defaults, SwedishGradingScale.Instance, moved.AddDays(20));

        Assert.Equal(RiskLevel.Elevated, early.Level);
        Assert.Contains(early.Reasons, r => r.Indicator == RiskRules.Transition);
        Assert.Equal(RiskLevel.Watch, later.Level);
        Assert.Equal(RiskLevel.None, quiet.Level);
    }

    [Fact]
    public void The_school_settings_move_the_thresholds()
    {
        var strict = Defaults with { AbsenceWatchRate = 0.05, ConsecutiveAbsenceDaysWatch = 2 };
        var inputs = Inputs() with { Absence = NoAbsence with { WindowRate = 0.06, ConsecutiveDaysWithAbsence = 2 } };

        Assert.Equal(RiskLevel.None, Assess(inputs).Level);
        Assert.Equal(2, RiskRules.Assess(inputs, strict, SwedishGradingScale.Instance, Today).Reasons.Count);
    }

    private static RiskInputs Inputs() => new(NoAbsence, [], [], null, null, null);

    private static RiskAssessment Assess(RiskInputs inputs) => RiskRules.Assess(inputs, Defaults, SwedishGradingScale.Instance, Today);
}
