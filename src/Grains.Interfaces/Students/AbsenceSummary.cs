namespace PlugInnan.Grains;

/// <param name="WindowRate">Share of scheduled time absent (valid or not) in the rolling window ending today, 0–1.</param>
/// <param name="TermRate">Share of scheduled time absent since the term started, 0–1.</param>
/// <param name="InvalidMinutesInTerm">Minutes of absence without a valid reason this term.</param>
/// <param name="ConsecutiveDaysWithAbsence">School days in a row, up to the latest one recorded, with any absence.</param>
/// <param name="AbsentSince">The first of those days, if any.</param>
/// <param name="FirstAbsenceInWindow">The first day in the window with any absence, if any.</param>
[GenerateSerializer, Alias("pluginnan.AbsenceSummary")]
public sealed record AbsenceSummary(
    [property: Id(0)] double WindowRate,
    [property: Id(1)] double TermRate,
    [property: Id(2)] int InvalidMinutesInTerm,
    [property: Id(3)] int ConsecutiveDaysWithAbsence,
    [property: Id(4)] DateOnly? AbsentSince,
    [property: Id(5)] DateOnly? FirstAbsenceInWindow);
