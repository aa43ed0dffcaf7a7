namespace PlugInnan.Grains;

public enum OpenItemKind
{
    Intervention = 1,
    AbsenceInvestigation = 2,
    SubjectAlert = 3,
}

/// <summary>Something open for a student, and when it is due (an intervention's follow-up, an investigation's report).</summary>
/// <param name="Owner">Who is responsible, where the record says (an intervention's owner).</param>
public sealed record OpenItem(OpenItemKind Kind, string Id, DateOnly? DueOn, DevelopmentArea? Area = null, PreventionLevel? Level = null, string? Owner = null);

/// <summary>Scheduled and absent minutes in the current term, the sums a school adds up into an attendance rate.</summary>
public sealed record TermMinutes(int Scheduled, int Absent, int InvalidAbsent);

/// <summary>What the current grades would make the student eligible for.</summary>
public sealed record EligibilityProjection(bool Vocational, IReadOnlyList<ProgrammeGroup> ProgrammeGroups, bool ProgrammeOrientedIntroduction);

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
public sealed record StudentSummary(
    string StudentId,
    int YearLevel,
    SecurityMarking SecurityMarking,
    DateOnly AsOf,
    RiskLevel Risk,
    IReadOnlyList<RiskReason> Reasons,
    TermMinutes Term,
    EligibilityProjection? Projection,
    ConnectednessCheckIn? LatestCheckIn,
    IReadOnlyList<OpenItem> OpenItems,
    DateOnly? UnnotifiedInvalidAbsenceOn,
    bool HandoverFromHere = false,
    bool HandoverToHere = false,
    string? Mentor = null);
