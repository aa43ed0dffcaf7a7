namespace PlugInnan.Grains;

/// <summary>What a set of final grades makes a student eligible for, and what is missing.</summary>
/// <param name="Vocational">Eligible for the vocational programmes (yrkesprogram).</param>
/// <param name="ProgrammeGroups">Eligibility per higher-education preparatory programme group.</param>
/// <param name="ProgrammeOrientedIntroduction">Eligible for the introduction programme "programinriktat val".</param>
/// <param name="Missing">Requirements not met, in English for developers (the API adds Swedish texts).</param>
public sealed record EligibilityOutcome(
    bool Vocational,
    IReadOnlyDictionary<ProgrammeGroup, bool> ProgrammeGroups,
    bool ProgrammeOrientedIntroduction,
    IReadOnlyList<string> Missing);
