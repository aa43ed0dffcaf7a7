using PlugInnan.Grains.Rules;

namespace PlugInnan.Grains.Tests;

public sealed class EligibilityRulesTests
{
    private static readonly IGradingScale Scale = SwedishGradingScale.Instance;

    [Fact]
    public void Core_subjects_and_five_others_make_a_student_eligible_for_vocational_programmes_only()
    {
        var outcome = EligibilityRules.Evaluate(Grades("SV:C EN:E MA:E BL:D HKK:C IDH:B MU:E TK:E"), Scale);

        Assert.True(outcome.Vocational);
        Assert.All(outcome.ProgrammeGroups.Values, eligible => Assert.False(eligible));
        Assert.True(outcome.ProgrammeOrientedIntroduction);
        Assert.Contains("4 more passed subjects besides SV/SVA, EN and MA for the preparatory programmes", outcome.Missing.Select(m => m.ToString()));
    }

    [Fact]
    public void Four_other_subjects_are_one_too_few_and_the_outcome_says_so()
    {
        var outcome = EligibilityRules.Evaluate(Grades("SV:C EN:E MA:E BL:D HKK:C IDH:B MU:E TK:-"), Scale);

        Assert.False(outcome.Vocational);
        Assert.Contains("1 more passed subjects besides SV/SVA, EN and MA for the vocational programmes", outcome.Missing.Select(m => m.ToString()));
    }

    [Fact]
    public void A_dash_is_not_a_pass()
    {
        var outcome = EligibilityRules.Evaluate(Grades("SV:C EN:E MA:- BL:D HKK:C IDH:B MU:E TK:E"), Scale);

        Assert.False(outcome.Vocational);
        Assert.Contains("a pass in MA", outcome.Missing.Select(m => m.ToString()));
    }

    [Fact]
    public void Preparatory_groups_need_their_own_subjects_among_the_nine()
    {
        // Nine others with GE, HI, RE, SH but no KE: social programmes yes, science programmes no.
        var outcome = EligibilityRules.Evaluate(Grades("SV:B EN:B MA:C GE:C HI:C RE:C SH:C BI:C FY:D BL:C IDH:A MU:B"), Scale);

        Assert.True(outcome.Vocational);
        Assert.True(outcome.ProgrammeGroups[ProgrammeGroup.Economics]);
        Assert.True(outcome.ProgrammeGroups[ProgrammeGroup.Humanities]);
        Assert.True(outcome.ProgrammeGroups[ProgrammeGroup.SocialScience]);
        Assert.True(outcome.ProgrammeGroups[ProgrammeGroup.Arts]);
        Assert.False(outcome.ProgrammeGroups[ProgrammeGroup.NaturalScience]);
        Assert.False(outcome.ProgrammeGroups[ProgrammeGroup.Technology]);
        Assert.Equal(["a pass in KE for Natural Science and Technology"], outcome.Missing.Select(m => m.ToString()));
    }

    [Fact]
    public void All_sixteen_subjects_passed_make_every_programme_group_reachable()
    {
        var outcome = EligibilityRules.Evaluate(Grades(AllPassed), Scale);

        Assert.True(outcome.Vocational);
        Assert.All(outcome.ProgrammeGroups.Values, eligible => Assert.True(eligible));
        Assert.Empty(outcome.Missing);
    }

    [Theory]
    [InlineData("SV:E MA:E BL:E HKK:E IDH:E MU:E EN:F", true)] // SV + MA + 4 others
    [InlineData("SV:E EN:E MA:E BL:E HKK:E IDH:E", true)] // SV + EN + MA + 3 others
    [InlineData("SV:E MA:E BL:E HKK:E IDH:E EN:F", false)] // one subject short
    [InlineData("SV:F EN:E MA:E BL:E HKK:E IDH:E MU:E TK:E", false)] // no Swedish
    public void Programme_oriented_introduction_needs_Swedish_English_or_maths_and_six_passes(string grades, bool eligible) =>
        Assert.Equal(eligible, EligibilityRules.Evaluate(Grades(grades), Scale).ProgrammeOrientedIntroduction);

    [Fact]
    public void A_grade_that_is_not_on_the_scale_is_rejected() =>
        Assert.Throws<ArgumentException>(() => EligibilityRules.Evaluate(Grades("SV:G"), Scale));

    internal const string AllPassed = "SV:A EN:A MA:A BI:A FY:A KE:A GE:A HI:A RE:A SH:A BL:A HKK:A IDH:A MU:A SL:A TK:A";

    /// <summary>"SV:C EN:E" → grades; language choices are written with an underscore, "M2_SPA:B".</summary>
    internal static List<FinalGrade> Grades(string text) =>
        [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split(':')).Select(p => new FinalGrade(p[0].Replace('_', ' '), p[1]))];
}
