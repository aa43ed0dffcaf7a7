namespace PlugInnan.Grains;

/// <summary>
/// One student's engagement state. The key is the pseudonymous student id (see
/// <c>PlugInnan.Grains.Identity.StudentPseudonym</c>), never a civic number. Every write is stored
/// before it returns, and records carry their own identity, so a resend replaces instead of adding.
/// The student keeps its school's roster entry current; a refused record changes nothing.
/// </summary>
public interface IStudentGrain : IGrainWithStringKey
{
    /// <summary>Enrols the student; a new school unit moves the student between the schools' rosters.</summary>
    Task Enroll(Enrolment enrolment);

    /// <summary>
    /// Stores lesson records; a record for a (date, lesson id) already stored replaces it. A batch holds up
    /// to 50,000 records and is never changed after the call, so Orleans passes it without a copy.
    /// </summary>
    Task RecordAttendance([Immutable] IReadOnlyList<LessonAttendance> lessons);

    /// <summary>Stores grades; a grade for a (subject, term) already stored replaces it.</summary>
    Task RecordGrades(IReadOnlyList<GradeEntry> grades);

    /// <summary>Raises or resolves the alert for a subject (one per subject).</summary>
    Task RecordSubjectAlert(SubjectAlert alert);

    /// <summary>Stores a check-in; one per day, a resend replaces it.</summary>
    Task RecordConnectedness(ConnectednessCheckIn checkIn);

    /// <summary>Adds or updates (by id) an intervention.</summary>
    Task RecordIntervention(Intervention intervention);

    /// <summary>Adds or updates (by id) a contact with the guardians.</summary>
    Task RecordGuardianContact(GuardianContact contact);

    /// <summary>Changes the given fields of an intervention; throws <see cref="RecordNotFoundException"/> for an unknown id.</summary>
    Task<Intervention> UpdateIntervention(InterventionChange change);

    /// <summary>Adds or updates (by id) an absence investigation (skollagen 7 kap. 19 a §).</summary>
    Task RecordAbsenceInvestigation(AbsenceInvestigation investigation);

    /// <summary>Records the report to the organiser; throws <see cref="RecordNotFoundException"/> for an unknown id.</summary>
    Task<AbsenceInvestigation> ReportAbsenceInvestigation(string investigationId, DateOnly reportedOn);

    /// <summary>Closes an investigation with who took part; throws <see cref="RecordNotFoundException"/> for an unknown id.</summary>
    Task<AbsenceInvestigation> CloseAbsenceInvestigation(string investigationId, DateOnly closedOn, InvestigationParticipants participants);

    /// <summary>Adds or updates (by id) a handover between schools (skollagen 3 kap. 12 j §).</summary>
    Task RecordHandover(Handover handover);

    /// <summary>
    /// The school-year rollover for the year starting in August of <paramref name="autumnYear"/>, once
    /// per year however often it is asked: years 0–8 go up one; a year-9 student leaves, and the final
    /// eligibility outcome is returned for the school's archive.
    /// </summary>
    Task<LeaverRecord?> AdvanceSchoolYear(int autumnYear);

    /// <summary>Erases everything stored about the student (after the school's retention period).</summary>
    Task Forget();

    /// <summary>Re-reports the student to its school as of today (for the nightly run: windows move with the days).</summary>
    Task Refresh();

    /// <summary>The enrolment, or null for a student never enrolled (who, for the API, does not exist).</summary>
    [ReadOnly]
    Task<Enrolment?> GetEnrolment();

    /// <summary>The profile as of today, with the school's settings and calendar.</summary>
    [ReadOnly]
    Task<StudentProfile> GetProfile();

    /// <summary>
    /// The student's roster summary as it stood on each of some past days: the stored records known by
    /// then (dated on or before it, and closed only if closed by then), evaluated by the rules for that
    /// day; null for a day the student was not enrolled at that school. For restating weekly digests
    /// (asked by the subproject once for all its weeks, with the school's settings, so no call waits on
    /// the school).
    /// </summary>
    [ReadOnly]
    Task<IReadOnlyList<StudentSummary?>> GetSummariesAsOf(string schoolUnitCode, [Immutable] SchoolSettings settings, [Immutable] IReadOnlyList<DateOnly> days);
}
