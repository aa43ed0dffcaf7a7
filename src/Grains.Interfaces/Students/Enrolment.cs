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
public sealed record Enrolment(
    string SchoolUnitCode,
    int YearLevel,
    string? ClassName,
    string? Mentor,
    DateOnly StartDate,
    DateOnly? EndDate,
    SecurityMarking SecurityMarking,
    bool TemporaryIdentity = false);
