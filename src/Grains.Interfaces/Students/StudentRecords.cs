namespace PlugInnan.Grains;

/// <summary>
/// A grade in one subject (short code, SS 12000 <c>subjectDesignation</c>) for one term, as SS 12000
/// sends it: a term grade, or the final grade (slutbetyg) when <paramref name="IsFinal"/>. (Subject,
/// term) identifies it: a resend or a correction replaces the earlier grade.
/// </summary>
public sealed record GradeEntry(string Subject, SchoolTerm Term, string Grade, bool IsFinal, DateOnly RegisteredOn);

/// <summary>A teacher's signal that the student risks not passing a subject; open until resolved.</summary>
public sealed record SubjectAlert(string Subject, DateOnly RaisedOn, DateOnly? ResolvedOn = null)
{
    public bool IsOpen => ResolvedOn is null;
}

/// <summary>A school-connectedness check-in on the four dimensions, each 1–5.</summary>
public sealed record ConnectednessCheckIn(DateOnly Date, int Behavioural, int Academic, int Cognitive, int Affective)
{
    public double Mean => (Behavioural + Academic + Cognitive + Affective) / 4.0;

    public bool IsInRange => new[] { Behavioural, Academic, Cognitive, Affective }.All(v => v is >= 1 and <= 5);
}
