namespace PlugInnan.Grains;

/// <summary>SS 12000 <c>securityMarking</c>: a student with protected identity is shown only to staff who need it.</summary>
public enum SecurityMarking
{
    /// <summary>Ingen.</summary>
    None,

    /// <summary>Sekretessmarkering.</summary>
    Confidential,

    /// <summary>Skyddad folkbokföring.</summary>
    ProtectedRegistration,
}

/// <summary>Where and in which year a student is enrolled (SS 12000 enrolment; year levels 0–10, followed 5–9).</summary>
/// <param name="TemporaryIdentity">Enrolled with a temporary number (no check digit): enrol again once a real one is known.</param>
[GenerateSerializer, Alias("pluginnan.Enrolment")]
public sealed record Enrolment(
    [property: Id(0)] string SchoolUnitCode,
    [property: Id(1)] int YearLevel,
    [property: Id(2)] string? ClassName,
    [property: Id(3)] string? Mentor,
    [property: Id(4)] DateOnly StartDate,
    [property: Id(5)] DateOnly? EndDate,
    [property: Id(6)] SecurityMarking SecurityMarking,
    [property: Id(7)] bool TemporaryIdentity = false);
