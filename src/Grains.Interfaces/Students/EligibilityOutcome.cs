namespace PlugInnan.Grains;

/// <summary>What a set of final grades makes a student eligible for, and what is missing.</summary>
/// <param name="Vocational">Eligible for the vocational programmes (yrkesprogram).</param>
/// <param name="ProgrammeGroups">Eligibility per higher-education preparatory programme group.</param>
/// <param name="ProgrammeOrientedIntroduction">Eligible for the introduction programme "programinriktat val".</param>
/// <param name="Missing">Requirements not met, as data (the API words them in Swedish).</param>
public sealed record EligibilityOutcome(
    bool Vocational,
    IReadOnlyDictionary<ProgrammeGroup, bool> ProgrammeGroups,
    bool ProgrammeOrientedIntroduction,
    IReadOnlyList<MissingRequirement> Missing);

public enum RequirementKind
{
    /// <summary>A pass in one of <see cref="MissingRequirement.Subjects"/> (SV or SVA; EN; MA).</summary>
    Pass = 1,

    /// <summary><see cref="MissingRequirement.Count"/> more passed subjects besides SV/SVA, EN and MA for the vocational programmes.</summary>
    MoreSubjectsForVocational = 2,

    /// <summary><see cref="MissingRequirement.Count"/> more passed subjects besides SV/SVA, EN and MA for the preparatory programmes.</summary>
    MoreSubjectsForPreparatory = 3,

    /// <summary>A pass in each of <see cref="MissingRequirement.Subjects"/> for Economics, Humanities and Social Science.</summary>
    SocialSubjects = 4,

    /// <summary>A pass in each of <see cref="MissingRequirement.Subjects"/> for Natural Science and Technology.</summary>
    ScienceSubjects = 5,
}

/// <summary>One eligibility requirement not met. <see cref="ToString"/> words it in English for developers.</summary>
public sealed record MissingRequirement(RequirementKind Kind, IReadOnlyList<string> Subjects, int Count = 0)
{
    public override string ToString() => Kind switch
    {
        RequirementKind.Pass => $"a pass in {string.Join(" or ", Subjects)}",
        RequirementKind.MoreSubjectsForVocational => $"{Count} more passed subjects besides SV/SVA, EN and MA for the vocational programmes",
        RequirementKind.MoreSubjectsForPreparatory => $"{Count} more passed subjects besides SV/SVA, EN and MA for the preparatory programmes",
        RequirementKind.SocialSubjects => $"a pass in {string.Join(", ", Subjects)} for Economics, Humanities and Social Science",
        RequirementKind.ScienceSubjects => $"a pass in {string.Join(", ", Subjects)} for Natural Science and Technology",
        _ => Kind.ToString(),
    };
}
