namespace PlugInnan.Grains;

/// <summary>What a follow-up task asks for.</summary>
public enum FollowUpKind
{
    /// <summary>Tell the guardians today of absence without a valid reason (skollagen 7 kap. 17 §).</summary>
    GuardianNotice = 1,

    /// <summary>Open an investigation of repeated or prolonged absence (7 kap. 19 a §).</summary>
    AbsenceInvestigation = 2,

    /// <summary>Report an open absence investigation to the organiser; it is past the school's limit.</summary>
    InvestigationReport = 3,

    /// <summary>An intervention's follow-up date has come.</summary>
    InterventionFollowUp = 4,

    /// <summary>An intervention is past its follow-up date by the school's limit.</summary>
    InterventionEscalation = 5,

    /// <summary>Pass on a year-6 student's information to the receiving school (3 kap. 12 j §).</summary>
    HandoverToSend = 6,

    /// <summary>A new year-7 student arrived without a handover: ask the sending school.</summary>
    HandoverMissing = 7,

    /// <summary>A new year-7 student already trips a threshold in the first weeks.</summary>
    TransitionWatch = 8,
}

/// <summary>Who must act.</summary>
public enum ResponsibleRole
{
    Mentor = 1,
    Principal = 2,
    StudentHealthTeam = 3,
    ReceivingSchool = 4,
    InterventionOwner = 5,
}

public enum FollowUpStatus
{
    Open = 1,
    Done = 2,
    Dismissed = 3,
}

/// <summary>What raised a task: the rule, the measured value and the threshold it crossed.</summary>
[GenerateSerializer, Alias("pluginnan.FollowUpTrigger")]
public sealed record FollowUpTrigger([property: Id(0)] string Rule, [property: Id(1)] string Value, [property: Id(2)] string Threshold);

/// <summary>
/// A follow-up task. Its id comes from its trigger (kind, student, and the day or record it is
/// about), so a rule run twice raises it once.
/// </summary>
/// <param name="AssignedTo">The person in the role, where the records name one (the mentor, the intervention's owner).</param>
[GenerateSerializer, Alias("pluginnan.FollowUpTask")]
public sealed record FollowUpTask(
    [property: Id(0)] string Id,
    [property: Id(1)] FollowUpKind Kind,
    [property: Id(2)] string StudentId,
    [property: Id(3)] string SchoolUnitCode,
    [property: Id(4)] ResponsibleRole Role,
    [property: Id(5)] DateTimeOffset Created,
    [property: Id(6)] DateOnly Due,
    [property: Id(7)] FollowUpTrigger Trigger,
    [property: Id(8)] FollowUpStatus Status = FollowUpStatus.Open,
    [property: Id(9)] DateTimeOffset? Closed = null,
    [property: Id(10)] string? ClosedBy = null,
    [property: Id(11)] string? DismissReason = null,
    [property: Id(12)] string? AssignedTo = null);

/// <summary>Which tasks to list; null fields do not filter.</summary>
[GenerateSerializer, Alias("pluginnan.FollowUpFilter")]
public sealed record FollowUpFilter([property: Id(0)] ResponsibleRole? Role = null, [property: Id(1)] FollowUpStatus? Status = null, [property: Id(2)] DateOnly? DueBefore = null);

/// <summary>
/// Told of every task a follow-up grain raises or closes, for clients watching a school. Each silo with
/// watchers subscribes one observer per school, so a change reaches watchers on every silo; one-way, so a
/// slow silo never holds up the grain.
/// </summary>
public interface IFollowUpObserver : IGrainObserver
{
    [OneWay]
    Task Changed(FollowUpTask task);
}
