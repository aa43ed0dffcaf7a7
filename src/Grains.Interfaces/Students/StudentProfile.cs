namespace PlugInnan.Grains;

/// <summary>A student's facts and assessment on a day, recomputed from the stored facts on every read.</summary>
/// <param name="CurrentGrades">The latest term's grade in each subject.</param>
/// <param name="Eligibility">What the current grades make the student eligible for (a projection until final grades).</param>
public sealed record StudentProfile(
    string StudentId,
    DateOnly AsOf,
    Enrolment? Enrolment,
    AbsenceSummary Attendance,
    EligibilityOutcome Eligibility,
    double MeritValue,
    RiskAssessment Risk,
    IReadOnlyList<GradeEntry> CurrentGrades,
    IReadOnlyList<SubjectAlert> OpenAlerts,
    ConnectednessCheckIn? LatestCheckIn,
    IReadOnlyList<Intervention> Interventions,
    IReadOnlyList<GuardianContact> GuardianContacts,
    IReadOnlyList<AbsenceInvestigation> AbsenceInvestigations,
    IReadOnlyList<Handover> Handovers,
    IReadOnlyList<OpenItem> OpenItems);
