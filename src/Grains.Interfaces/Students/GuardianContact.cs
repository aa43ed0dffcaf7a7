namespace PlugInnan.Grains;

public enum ContactChannel
{
    Phone = 1,
    Meeting = 2,
    DigitalMessage = 3,
    Letter = 4,
}

/// <summary>Why the school contacted the guardians; kept coarse, no health detail (GDPR art. 9).</summary>
public enum ContactReason
{
    /// <summary>Same-day notice of absence without a valid reason (skollagen 7 kap. 17 §).</summary>
    UnexcusedAbsence = 1,

    /// <summary>Repeated or prolonged absence.</summary>
    Absence = 2,

    StudyResults = 3,

    Wellbeing = 4,

    Intervention = 5,

    Transition = 6,

    Other = 7,
}

public enum ContactOutcome
{
    Reached = 1,
    NotReached = 2,
    MeetingBooked = 3,
    MessageLeft = 4,
}

/// <summary>A contact with the student's guardians (vårdnadshavare). The id comes from the school system.</summary>
[GenerateSerializer, Alias("pluginnan.GuardianContact")]
public sealed record GuardianContact([property: Id(0)] string Id, [property: Id(1)] DateOnly Date, [property: Id(2)] ContactChannel Channel, [property: Id(3)] ContactReason Reason, [property: Id(4)] ContactOutcome Outcome);
