namespace PlugInnan.Grains.Students;

/// <summary>
/// What a student grain stores: the facts, nothing derived. Lesson rows are small fixed-size records
/// (<see cref="LessonRow"/>), because a school year holds about a thousand of them and the whole
/// state is written on every change.
/// </summary>
[GenerateSerializer, Alias("pluginnan.StudentState")]
public sealed class StudentState
{
    [Id(0)]
    public Enrolment? Enrolment { get; set; }

    [Id(1)]
    public List<LessonRow> Lessons { get; set; } = [];

    [Id(2)]
    public List<GradeEntry> Grades { get; set; } = [];

    [Id(3)]
    public List<SubjectAlert> Alerts { get; set; } = [];

    [Id(4)]
    public List<ConnectednessCheckIn> CheckIns { get; set; } = [];

    [Id(5)]
    public List<Intervention> Interventions { get; set; } = [];

    [Id(6)]
    public List<GuardianContact> GuardianContacts { get; set; } = [];

    [Id(7)]
    public List<AbsenceInvestigation> AbsenceInvestigations { get; set; } = [];

    [Id(8)]
    public List<Handover> Handovers { get; set; } = [];

    /// <summary>Day of the move to year 7 (from year 6, or into a new school), for the transition weeks.</summary>
    [Id(9)]
    public DateOnly? MovedToYear7On { get; set; }

    /// <summary>The school year (by its autumn) the rollover last advanced this student for.</summary>
    [Id(10)]
    public int? AdvancedForYear { get; set; }

    /// <summary>Set when the student left year 9 at a rollover.</summary>
    [Id(11)]
    public LeaverRecord? Left { get; set; }

    /// <summary>Schools the student left whose roster may still list them; removal is retried until it is written away.</summary>
    [Id(12)]
    public List<string> PendingRosterRemovals { get; set; } = [];
}
