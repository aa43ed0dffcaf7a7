namespace PlugInnan.Grains.Rules;

/// <summary>
/// What makes a student record acceptable. Each check throws <see cref="InvalidRecordException"/>
/// naming the field, so a grain refuses the whole call before it changes anything.
/// </summary>
public static class StudentRecordRules
{
    public const int MaxIdLength = 64;
    public const int MaxTextLength = 500;
    public const int MinutesInADay = 24 * 60;
    private const int LowestYearLevel = 0;
    private const int HighestYearLevel = 10;

    public static void Check(Enrolment enrolment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        RecordCheck.Require(SchoolUnitCode.IsValid(enrolment.SchoolUnitCode), "school_unit_code", "must be 8 digits");
        RecordCheck.Require(enrolment.YearLevel is >= LowestYearLevel and <= HighestYearLevel, "year_level", "must be 0–10");
        RecordCheck.Require(enrolment.EndDate is null || enrolment.EndDate >= enrolment.StartDate, "end_date", "must not be before start_date");
        RecordCheck.Require(Enum.IsDefined(enrolment.SecurityMarking), "security_marking", "is not a known marking");
    }

    public static void Check(IReadOnlyList<LessonAttendance> lessons)
    {
        ArgumentNullException.ThrowIfNull(lessons);
        for (var i = 0; i < lessons.Count; i++)
        {
            var lesson = lessons[i];
            Id(lesson.LessonId, $"lessons[{i}].lesson_id");
            RecordCheck.Require(lesson.IsConsistent, $"lessons[{i}]", "minutes must not be negative, and attended plus absent must not exceed scheduled");
            RecordCheck.Require(lesson.ScheduledMinutes <= MinutesInADay, $"lessons[{i}].scheduled_minutes", $"must be at most {MinutesInADay}");
        }
    }

    public static void Check(IReadOnlyList<GradeEntry> grades, IGradingScale scale)
    {
        ArgumentNullException.ThrowIfNull(grades);
        ArgumentNullException.ThrowIfNull(scale);
        for (var i = 0; i < grades.Count; i++)
        {
            var grade = grades[i];
            RecordCheck.Require(SubjectCodes.IsKnown(grade.Subject), $"grades[{i}].subject", "is not a subject short code");
            RecordCheck.Require(scale.IsValid(grade.Grade), $"grades[{i}].grade", $"is not a grade on the {scale.Name} scale");
            RecordCheck.Require(Enum.IsDefined(grade.Term.Semester) && grade.Term.Year is >= 2000 and <= 2100, $"grades[{i}].term", "is not a term");
        }
    }

    public static void Check(SubjectAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        RecordCheck.Require(SubjectCodes.IsKnown(alert.Subject), "subject", "is not a subject short code");
        RecordCheck.Require(alert.ResolvedOn is null || alert.ResolvedOn >= alert.RaisedOn, "resolved_on", "must not be before raised_on");
    }

    public static void Check(ConnectednessCheckIn checkIn)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        RecordCheck.Require(checkIn.IsInRange, "dimensions", "each dimension must be 1–5");
    }

    public static void Check(Intervention intervention)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        Id(intervention.Id, "id");
        RecordCheck.Require(Enum.IsDefined(intervention.Level), "level", "is not a prevention level");
        RecordCheck.Require(Enum.IsDefined(intervention.Area), "area", "is not a development area");
        RecordCheck.Require(intervention.SuccessFactors.All(Enum.IsDefined), "success_factors", "holds an unknown success factor");
        RecordCheck.Text(intervention.Description, "description", MaxTextLength);
        RecordCheck.Text(intervention.Owner, "owner", MaxTextLength);
        RecordCheck.Require(intervention.FollowUpDate >= intervention.StartDate, "follow_up_date", "must not be before start_date");
        RecordCheck.Require(Enum.IsDefined(intervention.Status), "status", "is not a status");
        RecordCheck.Require(
            (intervention.Status == InterventionStatus.Completed) == (intervention.Evaluation is not null),
            "evaluation",
            "is required when, and only when, the intervention is completed");
        RecordCheck.Require(intervention.Evaluation is null || Enum.IsDefined(intervention.Evaluation.Value), "evaluation", "is not an evaluation");
    }

    public static void Check(GuardianContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        Id(contact.Id, "id");
        RecordCheck.Require(Enum.IsDefined(contact.Channel), "channel", "is not a channel");
        RecordCheck.Require(Enum.IsDefined(contact.Reason), "reason", "is not a reason");
        RecordCheck.Require(Enum.IsDefined(contact.Outcome), "outcome", "is not an outcome");
    }

    public static void Check(AbsenceInvestigation investigation)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        Id(investigation.Id, "id");
        RecordCheck.Require(investigation.ReportedToOrganiserOn is null || investigation.ReportedToOrganiserOn >= investigation.OpenedOn, "reported_to_organiser_on", "must not be before opened_on");
        RecordCheck.Require(investigation.ClosedOn is null || investigation.ClosedOn >= investigation.OpenedOn, "closed_on", "must not be before opened_on");
        RecordCheck.Require(investigation.Participants is >= InvestigationParticipants.None and <= (InvestigationParticipants.Student | InvestigationParticipants.Guardians | InvestigationParticipants.StudentHealthTeam), "participants", "holds an unknown participant");
    }

    public static void Check(Handover handover)
    {
        ArgumentNullException.ThrowIfNull(handover);
        Id(handover.Id, "id");
        RecordCheck.Require(SchoolUnitCode.IsValid(handover.FromSchoolUnitCode), "from_school_unit_code", "must be 8 digits");
        RecordCheck.Require(SchoolUnitCode.IsValid(handover.ToSchoolUnitCode), "to_school_unit_code", "must be 8 digits");
        RecordCheck.Require(handover.FromSchoolUnitCode != handover.ToSchoolUnitCode, "to_school_unit_code", "must differ from from_school_unit_code");
        RecordCheck.Require(handover.PassedOn is >= HandoverContent.None and <= (HandoverContent.SupportMeasures | HandoverContent.ActionProgramme | HandoverContent.StudyResults | HandoverContent.AbsenceMeasures), "passed_on", "holds an unknown item");
    }

    private static void Id(string? id, string field) => RecordCheck.Text(id, field, MaxIdLength);
}
