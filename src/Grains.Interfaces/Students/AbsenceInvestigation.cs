namespace PlugInnan.Grains;

/// <summary>Who took part in an absence investigation; the law asks for all three.</summary>
[Flags]
public enum InvestigationParticipants
{
    None = 0,
    Student = 1,
    Guardians = 2,
    StudentHealthTeam = 4,
}

/// <summary>
/// An investigation of repeated or prolonged absence under skollagen 7 kap. 19 a §: opened promptly,
/// done with the student, the guardians and the student health team, reported to the organiser
/// (huvudman) without delay. The id comes from the school system: sending it again updates it.
/// </summary>
[GenerateSerializer, Alias("pluginnan.AbsenceInvestigation")]
public sealed record AbsenceInvestigation(
    [property: Id(0)] string Id,
    [property: Id(1)] DateOnly OpenedOn,
    [property: Id(2)] DateOnly? ReportedToOrganiserOn,
    [property: Id(3)] InvestigationParticipants Participants,
    [property: Id(4)] DateOnly? ClosedOn)
{
    public bool IsOpen => ClosedOn is null;
}
