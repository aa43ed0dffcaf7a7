namespace PlugInnan.Grains.Rules;

/// <summary>
/// Eligibility for upper secondary national programmes from final grades (RULES.md, "Grades and
/// eligibility"): pass in SV or SVA, EN and MA, plus 5 other subjects for the vocational programmes,
/// or 9 other subjects — with group-specific ones — for the higher-education preparatory programmes.
/// </summary>
public static class EligibilityRules
{
    private const int VocationalOtherSubjects = 5;
    private const int PreparatoryOtherSubjects = 9;
    private const int IntroductionSubjectsInAll = 6;

    private static readonly string[] SocialSubjects = ["GE", "HI", "RE", "SH"];
    private static readonly string[] ScienceSubjects = ["BI", "FY", "KE"];

    public static EligibilityOutcome Evaluate(IEnumerable<FinalGrade> grades, IGradingScale scale)
    {
        var passed = Passed(grades, scale);
        var swedish = passed.Contains("SV") || passed.Contains("SVA");
        var english = passed.Contains("EN");
        var maths = passed.Contains("MA");
        var others = passed.Where(s => s is not ("SV" or "SVA" or "EN" or "MA")).ToHashSet(StringComparer.Ordinal);
        var core = swedish && english && maths;

        var missing = new List<MissingRequirement>();
        if (!swedish)
        {
            missing.Add(new(RequirementKind.Pass, ["SV", "SVA"]));
        }

        if (!english)
        {
            missing.Add(new(RequirementKind.Pass, ["EN"]));
        }

        if (!maths)
        {
            missing.Add(new(RequirementKind.Pass, ["MA"]));
        }

        var vocational = core && others.Count >= VocationalOtherSubjects;
        if (others.Count < VocationalOtherSubjects)
        {
            missing.Add(new(RequirementKind.MoreSubjectsForVocational, [], VocationalOtherSubjects - others.Count));
        }

        var enoughForPreparatory = others.Count >= PreparatoryOtherSubjects;
        if (!enoughForPreparatory)
        {
            missing.Add(new(RequirementKind.MoreSubjectsForPreparatory, [], PreparatoryOtherSubjects - others.Count));
        }

        var socialMissing = SocialSubjects.Where(s => !others.Contains(s)).ToList();
        var scienceMissing = ScienceSubjects.Where(s => !others.Contains(s)).ToList();
        if (socialMissing.Count > 0)
        {
            missing.Add(new(RequirementKind.SocialSubjects, socialMissing));
        }

        if (scienceMissing.Count > 0)
        {
            missing.Add(new(RequirementKind.ScienceSubjects, scienceMissing));
        }

        var preparatory = core && enoughForPreparatory;
        var groups = new Dictionary<ProgrammeGroup, bool>
        {
            [ProgrammeGroup.Economics] = preparatory && socialMissing.Count == 0,
            [ProgrammeGroup.Humanities] = preparatory && socialMissing.Count == 0,
            [ProgrammeGroup.SocialScience] = preparatory && socialMissing.Count == 0,
            [ProgrammeGroup.NaturalScience] = preparatory && scienceMissing.Count == 0,
            [ProgrammeGroup.Technology] = preparatory && scienceMissing.Count == 0,
            [ProgrammeGroup.Arts] = preparatory,
        };

        // SV/SVA + (EN or MA) + 4 others, or SV/SVA + EN + MA + 3 others: six passed subjects with Swedish and EN or MA.
        var inAll = (swedish ? 1 : 0) + (english ? 1 : 0) + (maths ? 1 : 0) + others.Count;
        var introduction = swedish && (english || maths) && inAll >= IntroductionSubjectsInAll;

        return new EligibilityOutcome(vocational, groups, introduction, missing);
    }

    /// <summary>Subjects with a passing final grade; SV and SVA both stand for the Swedish requirement.</summary>
    private static HashSet<string> Passed(IEnumerable<FinalGrade> grades, IGradingScale scale)
    {
        var passed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var grade in grades)
        {
            if (!scale.IsValid(grade.Grade))
            {
                throw new ArgumentException($"Grade '{grade.Grade}' in {grade.Subject} is not on the {scale.Name} scale.", nameof(grades));
            }

            if (scale.IsPassing(grade.Grade))
            {
                passed.Add(grade.Subject);
            }
        }

        return passed;
    }
}
