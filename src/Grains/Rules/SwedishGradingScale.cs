namespace PlugInnan.Grains.Rules;

/// <summary>The A–F scale in force since 2011: A–E pass, F fails, "-" (no basis for assessment) counts as not passed.</summary>
public sealed class SwedishGradingScale : IGradingScale
{
    public static readonly SwedishGradingScale Instance = new();

    private static readonly Dictionary<string, double> PointsByGrade = new(StringComparer.Ordinal)
    {
        ["A"] = 20, ["B"] = 17.5, ["C"] = 15, ["D"] = 12.5, ["E"] = 10, ["F"] = 0, ["-"] = 0,
    };

    private SwedishGradingScale()
    {
    }

    public string Name => "A-F (2011)";

    public bool IsValid(string grade) => PointsByGrade.ContainsKey(grade);

    public bool IsPassing(string grade) => grade is "A" or "B" or "C" or "D" or "E";

    public double Points(string grade) =>
        PointsByGrade.TryGetValue(grade, out var points)
            ? points
            : throw new ArgumentException($"'{grade}' is not a grade on the {Name} scale.", nameof(grade));
}
