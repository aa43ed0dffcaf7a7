namespace PlugInnan.Grains;

/// <summary>A grade as recorded, term or final; the latest per subject is the current one.</summary>
public sealed record GradeEntry(string Subject, string Grade, DateOnly GivenOn);

/// <summary>A teacher's signal that the student risks not passing a subject.</summary>
public sealed record SubjectAlert(string Subject, DateOnly RaisedOn);

/// <summary>A school-connectedness check-in, each dimension 1–5.</summary>
public sealed record ConnectednessCheckIn(DateOnly Date, int Behavioural, int Academic, int Cognitive, int Affective)
{
    public double Mean => (Behavioural + Academic + Cognitive + Affective) / 4.0;
}
