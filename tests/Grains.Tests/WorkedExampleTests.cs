using PlugInnan.Grains.Rules;

namespace PlugInnan.Grains.Tests;

/// <summary>The worked examples the domain issue asks for, one test each.</summary>
public sealed class WorkedExampleTests
{
    private static readonly IGradingScale Scale = SwedishGradingScale.Instance;

    private const string AllE = "SV:E EN:E MA:E BI:E FY:E KE:E GE:E HI:E RE:E SH:E BL:E HKK:E IDH:E MU:E SL:E TK:E";

    [Fact]
    public void All_sixteen_subjects_E_give_every_programme_and_a_merit_value_of_160()
    {
        var grades = EligibilityRulesTests.Grades(AllE);
        var outcome = EligibilityRules.Evaluate(grades, Scale);

        Assert.True(outcome.Vocational);
        Assert.All(Enum.GetValues<ProgrammeGroup>(), group => Assert.True(outcome.ProgrammeGroups[group]));
        Assert.Equal(160.0, MeritValue.Calculate(grades, Scale));
    }

    [Fact]
    public void An_F_in_MA_gives_no_national_programme()
    {
        var outcome = EligibilityRules.Evaluate(EligibilityRulesTests.Grades(AllE.Replace("MA:E", "MA:F", StringComparison.Ordinal)), Scale);

        Assert.False(outcome.Vocational);
        Assert.All(outcome.ProgrammeGroups.Values, eligible => Assert.False(eligible));
        Assert.Contains("a pass in MA", outcome.Missing.Select(m => m.ToString()));
    }

    [Fact]
    public void SVA_in_place_of_SV_counts()
    {
        var outcome = EligibilityRules.Evaluate(EligibilityRulesTests.Grades(AllE.Replace("SV:E", "SVA:E", StringComparison.Ordinal)), Scale);

        Assert.True(outcome.Vocational);
        Assert.All(outcome.ProgrammeGroups.Values, eligible => Assert.True(eligible));
        Assert.DoesNotContain("a pass in SV or SVA", outcome.Missing.Select(m => m.ToString()));
    }

    [Fact]
    public void Exactly_SV_EN_MA_and_five_others_give_vocational_programmes_only()
    {
        var outcome = EligibilityRules.Evaluate(EligibilityRulesTests.Grades("SV:D EN:D MA:D BL:D HKK:D IDH:D MU:D TK:D"), Scale);

        Assert.True(outcome.Vocational);
        Assert.All(outcome.ProgrammeGroups.Values, eligible => Assert.False(eligible));
    }

    [Fact]
    public void Twelve_passed_with_BI_FY_KE_but_not_GE_give_natural_science_and_technology_but_not_economics()
    {
        var outcome = EligibilityRules.Evaluate(
            EligibilityRulesTests.Grades("SV:C EN:C MA:C BI:C FY:C KE:C HI:C RE:C SH:C BL:C IDH:C MU:C GE:F"), Scale);

        Assert.True(outcome.ProgrammeGroups[ProgrammeGroup.NaturalScience]);
        Assert.True(outcome.ProgrammeGroups[ProgrammeGroup.Technology]);
        Assert.False(outcome.ProgrammeGroups[ProgrammeGroup.Economics]);
    }

    [Fact]
    public void A_dash_in_EN_counts_as_not_passed()
    {
        var outcome = EligibilityRules.Evaluate(EligibilityRulesTests.Grades(AllE.Replace("EN:E", "EN:-", StringComparison.Ordinal)), Scale);

        Assert.False(outcome.Vocational);
        Assert.Contains("a pass in EN", outcome.Missing.Select(m => m.ToString()));
    }

    [Fact]
    public void Sixteen_A_plus_M2_A_give_340() =>
        Assert.Equal(340.0, MeritValue.Calculate(EligibilityRulesTests.Grades(EligibilityRulesTests.AllPassed + " M2_SPA:A"), Scale));
}
