using PlugInnan.Grains.Rules;

namespace PlugInnan.Grains.Tests;

public sealed class MeritValueTests
{
    private static readonly IGradingScale Scale = SwedishGradingScale.Instance;

    [Fact]
    public void Sixteen_A_grades_give_320_and_an_A_in_M2_gives_340() =>
        Assert.Equal(
            (320.0, 340.0),
            (MeritValue.Calculate(EligibilityRulesTests.Grades(EligibilityRulesTests.AllPassed), Scale),
             MeritValue.Calculate(EligibilityRulesTests.Grades(EligibilityRulesTests.AllPassed + " M2_SPA:A"), Scale)));

    [Fact]
    public void Only_the_sixteen_best_of_the_other_subjects_count()
    {
        // Seventeen grades besides M2: the F in ML is the one left out.
        var grades = EligibilityRulesTests.Grades(
            "SV:A EN:B MA:C BI:D FY:E KE:E GE:E HI:E RE:E SH:E BL:E HKK:E IDH:E MU:E SL:E TK:E ML_ARA:F M2_FRA:C");

        // 20 + 17.5 + 15 + 12.5 + 12 × 10 = 185, plus C (15) in M2 as the 17th.
        Assert.Equal(200.0, MeritValue.Calculate(grades, Scale));
    }

    [Fact]
    public void Mother_tongue_and_M1_never_give_a_17th_grade()
    {
        var grades = EligibilityRulesTests.Grades(EligibilityRulesTests.AllPassed + " ML_SOM:A M1_TYS:A");

        Assert.Equal(320.0, MeritValue.Calculate(grades, Scale));
    }

    [Fact]
    public void A_dash_and_an_F_are_worth_nothing()
    {
        var grades = EligibilityRulesTests.Grades("SV:E EN:F MA:-");

        Assert.Equal(10.0, MeritValue.Calculate(grades, Scale));
    }
}
