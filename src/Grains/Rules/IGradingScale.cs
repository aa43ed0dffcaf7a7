namespace PlugInnan.Grains.Rules;

/// <summary>
/// A grading scale: which grades exist, which pass and what they are worth. One replaceable component,
/// because a 1–10 scale without F has been announced for 2028 (SOU 2025:18).
/// </summary>
public interface IGradingScale
{
    string Name { get; }

    bool IsValid(string grade);

    bool IsPassing(string grade);

    /// <summary>Merit points of a grade (gymnasieförordningen 7 kap. 4 § for the current scale).</summary>
    double Points(string grade);
}
