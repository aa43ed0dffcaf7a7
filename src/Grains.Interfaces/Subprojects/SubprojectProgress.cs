namespace PlugInnan.Grains;

/// <summary>A table of counts as it may leave a school: suppressed cells and total are null.</summary>
[GenerateSerializer, Alias("pluginnan.SuppressedCounts")]
public sealed record SuppressedCounts([property: Id(0)] IReadOnlyDictionary<string, int?> Cells, [property: Id(1)] int? Total);

/// <summary>The baseline analysis (nulägesanalys): the schools' figures frozen on a day.</summary>
[GenerateSerializer, Alias("pluginnan.Baseline")]
public sealed record Baseline([property: Id(0)] DateOnly TakenOn, [property: Id(1)] EngagementFigures Figures);

/// <summary>
/// One measure today against the baseline, as a step change (percentage points for shares, steps on
/// the 1–5 scale for connectedness, a count for counts). Null where a group behind it is smaller than 5.
/// </summary>
[GenerateSerializer, Alias("pluginnan.MeasureProgress")]
public sealed record MeasureProgress([property: Id(0)] ProgressMeasure Measure, [property: Id(1)] double? Baseline, [property: Id(2)] double? Current, [property: Id(3)] double? Change, [property: Id(4)] double? Target, [property: Id(5)] bool? TargetMet);

/// <summary>A school of the subproject as a process leader sees it: counts only, small groups suppressed.</summary>
[GenerateSerializer, Alias("pluginnan.SchoolProgress")]
public sealed record SchoolProgress([property: Id(0)] string Name, [property: Id(1)] string? SchoolUnitCode, [property: Id(2)] SuppressedCounts StudentsPerRiskLevel);

/// <summary>A week's digest for the process leader: the progress as it stood that week (already suppressed).</summary>
/// <param name="Week">The ISO week, e.g. <c>2026-W48</c>.</param>
/// <param name="Restated">
/// Computed later from the records as stored then, as they stood on that week's Monday (a region that
/// brings its earlier records), rather than recorded by the scheduler that Monday.
/// </param>
[GenerateSerializer, Alias("pluginnan.SubprojectDigest")]
public sealed record SubprojectDigest(
    [property: Id(0)] string Week,
    [property: Id(1)] DateOnly RecordedOn,
    [property: Id(2)] SubprojectProgress Progress,
    [property: Id(3)] bool Restated = false);

/// <summary>
/// What a process leader sees of a subproject: no student, only figures with groups smaller than 5 suppressed.
/// </summary>
[GenerateSerializer, Alias("pluginnan.SubprojectProgress")]
public sealed record SubprojectProgress(
    [property: Id(0)] string SubprojectId,
    [property: Id(1)] DateOnly AsOf,
    [property: Id(2)] DateOnly? BaselineOn,
    [property: Id(3)] SuppressedCounts StudentsPerRiskLevel,
    [property: Id(4)] int? FocusGroup,
    [property: Id(5)] IReadOnlyList<MeasureProgress> Measures,
    [property: Id(6)] IReadOnlyList<SchoolProgress> Schools);
