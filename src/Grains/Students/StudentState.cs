using System.Text.Json.Serialization;

namespace PlugInnan.Grains.Students;

/// <summary>
/// What a student grain stores: the facts, nothing derived. Lesson rows are packed (see
/// <see cref="LessonRowsJsonConverter"/>), because a school year holds about a thousand of them and
/// the whole state is written on every change.
/// </summary>
public sealed class StudentState
{
    public Enrolment? Enrolment { get; set; }

    [JsonConverter(typeof(LessonRowsJsonConverter))]
    public List<LessonRow> Lessons { get; set; } = [];

    public List<GradeEntry> Grades { get; set; } = [];

    public List<SubjectAlert> Alerts { get; set; } = [];

    public List<ConnectednessCheckIn> CheckIns { get; set; } = [];

    public List<Intervention> Interventions { get; set; } = [];

    public List<GuardianContact> GuardianContacts { get; set; } = [];

    public List<AbsenceInvestigation> AbsenceInvestigations { get; set; } = [];

    public List<Handover> Handovers { get; set; } = [];

    /// <summary>Day of the move to year 7 (from year 6, or into a new school), for the transition weeks.</summary>
    public DateOnly? MovedToYear7On { get; set; }

    /// <summary>The school year (by its autumn) the rollover last advanced this student for.</summary>
    public int? AdvancedForYear { get; set; }

    /// <summary>Set when the student left year 9 at a rollover.</summary>
    public LeaverRecord? Left { get; set; }

    /// <summary>Schools the student left whose roster may still list them; removal is retried until it is written away.</summary>
    public List<string> PendingRosterRemovals { get; set; } = [];
}
