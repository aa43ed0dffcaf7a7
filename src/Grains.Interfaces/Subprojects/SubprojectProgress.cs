namespace PlugInnan.Grains;

/// <summary>A table of counts as it may leave a school: suppressed cells and total are null.</summary>
public sealed record SuppressedCounts(IReadOnlyDictionary<string, int?> Cells, int? Total);

/// <summary>The baseline analysis (nulägesanalys): the schools' figures frozen on a day.</summary>
public sealed record Baseline(DateOnly TakenOn, EngagementFigures Figures);

/// <summary>
/// One measure today against the baseline, as a step change (percentage points for shares, steps on
/// the 1–5 scale for connectedness, a count for counts). Null where a group behind it is smaller than 5.
/// </summary>
public sealed record MeasureProgress(ProgressMeasure Measure, double? Baseline, double? Current, double? Change, double? Target, bool? TargetMet);

/// <summary>A school of the subproject as a process leader sees it: counts only, small groups suppressed.</summary>
public sealed record SchoolProgress(string Name, string? SchoolUnitCode, SuppressedCounts StudentsPerRiskLevel);

/// <summary>A week's digest for the process leader: the progress as it stood that week (already suppressed).</summary>
/// <param name="Week">The ISO week, e.g. <c>2026-W48</c>.</param>
public sealed record SubprojectDigest(string Week, DateOnly RecordedOn, SubprojectProgress Progress);

/// <summary>
/// What a process leader sees of a subproject: no student, only figures with groups smaller than 5 suppressed.
/// </summary>
public sealed record SubprojectProgress(
    string SubprojectId,
    DateOnly AsOf,
    DateOnly? BaselineOn,
    SuppressedCounts StudentsPerRiskLevel,
    int? FocusGroup,
    IReadOnlyList<MeasureProgress> Measures,
    IReadOnlyList<SchoolProgress> Schools);
