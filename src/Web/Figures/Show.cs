namespace PlugInnan.Web.Figures;

/// <summary>How a withheld or missing figure reads on a page.</summary>
public static class Show
{
    /// <summary>A count of students (or tasks): withheld below 5.</summary>
    public static string Count(int? count) => count is { } c ? SwedishNames.Count(c) : "färre än 5";

    /// <summary>A measure's value: withheld when its group is under 5, or missing (no baseline, no data).</summary>
    public static string Value(Grains.ProgressMeasure measure, double? value) => value is { } v ? SwedishNames.Value(measure, v) : "–";

    public static string Change(Grains.ProgressMeasure measure, double? change) => change is { } c ? SwedishNames.Change(measure, c) : "–";
}
