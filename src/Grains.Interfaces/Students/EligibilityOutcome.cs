namespace PlugInnan.Grains;

/// <summary>What a set of final grades makes a student eligible for, and what is missing.</summary>
/// <param name="Vocational">Eligible for the vocational programmes (yrkesprogram).</param>
/// <param name="ProgrammeGroups">Eligibility per higher-education preparatory programme group.</param>
/// <param name="ProgrammeOrientedIntroduction">Eligible for the introduction programme "programinriktat val".</param>
/// <param name="Missing">Requirements not met, as data (the API words them in Swedish).</param>
[GenerateSerializer, Alias("pluginnan.EligibilityOutcome")]
public sealed record EligibilityOutcome(
    [property: Id(0)] bool Vocational,
    [property: Id(1)] IReadOnlyDictionary<ProgrammeGroup, bool> ProgrammeGroups,
    [property: Id(2)] bool ProgrammeOrientedIntroduction,
    [property: Id(3)] IReadOnlyList<MissingRequirement> Missing);

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
[GenerateSerializer, Alias("pluginnan.MissingRequirement")]
public sealed record MissingRequirement([property: Id(0)] RequirementKind Kind, [property: Id(1)] IReadOnlyList<string> Subjects, [property: Id(2)] int Count = 0)
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
