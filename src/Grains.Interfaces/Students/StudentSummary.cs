namespace PlugInnan.Grains;

public enum OpenItemKind
{
    Intervention = 1,
    AbsenceInvestigation = 2,
    SubjectAlert = 3,
}

/// <summary>Something open for a student, and when it is due (an intervention's follow-up, an investigation's report).</summary>
/// <param name="Owner">Who is responsible, where the record says (an intervention's owner).</param>
[GenerateSerializer, Alias("pluginnan.OpenItem")]
public sealed record OpenItem([property: Id(0)] OpenItemKind Kind, [property: Id(1)] string Id, [property: Id(2)] DateOnly? DueOn, [property: Id(3)] DevelopmentArea? Area = null, [property: Id(4)] PreventionLevel? Level = null, [property: Id(5)] string? Owner = null);

/// <summary>Scheduled and absent minutes in the current term, the sums a school adds up into an attendance rate.</summary>
[GenerateSerializer, Alias("pluginnan.TermMinutes")]
public sealed record TermMinutes([property: Id(0)] int Scheduled, [property: Id(1)] int Absent, [property: Id(2)] int InvalidAbsent);

/// <summary>What the current grades would make the student eligible for.</summary>
[GenerateSerializer, Alias("pluginnan.EligibilityProjection")]
public sealed record EligibilityProjection([property: Id(0)] bool Vocational, [property: Id(1)] IReadOnlyList<ProgrammeGroup> ProgrammeGroups, [property: Id(2)] bool ProgrammeOrientedIntroduction);

/// <summary>
/// What a student grain tells its school: enough for the roster, the aggregates and the follow-up
/// jobs, and nothing more (no names, no civic number, no free text).
/// </summary>
/// <param name="Projection">Null until the student has grades in SV/SVA, EN, MA and five other subjects.</param>
/// <param name="Reasons">The reasons behind the risk level, with their values and thresholds (what a follow-up task cites).</param>
/// <param name="UnnotifiedInvalidAbsenceOn">The latest day with absence without a valid reason that no guardian notice followed.</param>
/// <param name="HandoverFromHere">A handover from this school to another is recorded (the sending side of 3 kap. 12 j §).</param>
/// <param name="HandoverToHere">A handover from another school to this one is recorded (the receiving side).</param>
/// <param name="Mentor">The mentor as the school system names them, so a task for the mentor can say whom.</param>
[GenerateSerializer, Alias("pluginnan.StudentSummary")]
public sealed record StudentSummary(
    [property: Id(0)] string StudentId,
    [property: Id(1)] int YearLevel,
    [property: Id(2)] SecurityMarking SecurityMarking,
    [property: Id(3)] DateOnly AsOf,
    [property: Id(4)] RiskLevel Risk,
    [property: Id(5)] IReadOnlyList<RiskReason> Reasons,
    [property: Id(6)] TermMinutes Term,
    [property: Id(7)] EligibilityProjection? Projection,
    [property: Id(8)] ConnectednessCheckIn? LatestCheckIn,
    [property: Id(9)] IReadOnlyList<OpenItem> OpenItems,
    [property: Id(10)] DateOnly? UnnotifiedInvalidAbsenceOn,
    [property: Id(11)] bool HandoverFromHere = false,
    [property: Id(12)] bool HandoverToHere = false,
    [property: Id(13)] string? Mentor = null);
