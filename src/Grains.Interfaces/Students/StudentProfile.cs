namespace PlugInnan.Grains;

/// <summary>A student's current state and assessment, recomputed from the stored facts on every read.</summary>
public sealed record StudentProfile(
    string StudentId,
    Enrolment? Enrolment,
    AbsenceSummary Attendance,
    EligibilityOutcome Eligibility,
    double MeritValue,
    RiskAssessment Risk,
    IReadOnlyList<SubjectAlert> OpenAlerts,
    ConnectednessCheckIn? LatestCheckIn);
