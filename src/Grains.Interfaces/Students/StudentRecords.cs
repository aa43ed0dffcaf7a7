namespace PlugInnan.Grains;

/// <summary>
/// A grade in one subject (short code, SS 12000 <c>subjectDesignation</c>) for one term, as SS 12000
/// sends it: a term grade, or the final grade (slutbetyg) when <paramref name="IsFinal"/>. (Subject,
/// term) identifies it: a resend or a correction replaces the earlier grade.
/// </summary>
[GenerateSerializer, Alias("pluginnan.GradeEntry")]
public sealed record GradeEntry([property: Id(0)] string Subject, [property: Id(1)] SchoolTerm Term, [property: Id(2)] string Grade, [property: Id(3)] bool IsFinal, [property: Id(4)] DateOnly RegisteredOn);

/// <summary>A teacher's signal that the student risks not passing a subject; open until resolved.</summary>
[GenerateSerializer, Alias("pluginnan.SubjectAlert")]
public sealed record SubjectAlert([property: Id(0)] string Subject, [property: Id(1)] DateOnly RaisedOn, [property: Id(2)] DateOnly? ResolvedOn = null)
{
    public bool IsOpen => ResolvedOn is null;
}

/// <summary>A school-connectedness check-in on the four dimensions, each 1–5.</summary>
[GenerateSerializer, Alias("pluginnan.ConnectednessCheckIn")]
public sealed record ConnectednessCheckIn([property: Id(0)] DateOnly Date, [property: Id(1)] int Behavioural, [property: Id(2)] int Academic, [property: Id(3)] int Cognitive, [property: Id(4)] int Affective)
{
    public double Mean => (Behavioural + Academic + Cognitive + Affective) / 4.0;

    public bool IsInRange => new[] { Behavioural, Academic, Cognitive, Affective }.All(v => v is >= 1 and <= 5);
}
