namespace PlugInnan.Grains;

/// <summary>A student's facts and assessment on a day, recomputed from the stored facts on every read.</summary>
/// <param name="CurrentGrades">The latest term's grade in each subject.</param>
/// <param name="Eligibility">What the current grades make the student eligible for (a projection until final grades).</param>
[GenerateSerializer, Alias("pluginnan.StudentProfile")]
public sealed record StudentProfile(
    [property: Id(0)] string StudentId,
    [property: Id(1)] DateOnly AsOf,
    [property: Id(2)] Enrolment? Enrolment,
    [property: Id(3)] AbsenceSummary Attendance,
    [property: Id(4)] EligibilityOutcome Eligibility,
    [property: Id(5)] double MeritValue,
    [property: Id(6)] RiskAssessment Risk,
    [property: Id(7)] IReadOnlyList<GradeEntry> CurrentGrades,
    [property: Id(8)] IReadOnlyList<SubjectAlert> OpenAlerts,
    [property: Id(9)] ConnectednessCheckIn? LatestCheckIn,
    [property: Id(10)] IReadOnlyList<Intervention> Interventions,
    [property: Id(11)] IReadOnlyList<GuardianContact> GuardianContacts,
    [property: Id(12)] IReadOnlyList<AbsenceInvestigation> AbsenceInvestigations,
    [property: Id(13)] IReadOnlyList<Handover> Handovers,
    [property: Id(14)] IReadOnlyList<OpenItem> OpenItems);
