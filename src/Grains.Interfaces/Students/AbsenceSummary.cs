namespace PlugInnan.Grains;

/// <param name="WindowRate">Share of scheduled time absent (valid or not) in the rolling window ending today, 0–1.</param>
/// <param name="TermRate">Share of scheduled time absent since the term started, 0–1.</param>
/// <param name="InvalidMinutesInTerm">Minutes of absence without a valid reason this term.</param>
/// <param name="ConsecutiveDaysWithAbsence">School days in a row, up to the latest one recorded, with any absence.</param>
/// <param name="AbsentSince">The first of those days, if any.</param>
/// <param name="FirstAbsenceInWindow">The first day in the window with any absence, if any.</param>
public sealed record AbsenceSummary(
    double WindowRate,
    double TermRate,
    int InvalidMinutesInTerm,
    int ConsecutiveDaysWithAbsence,
    DateOnly? AbsentSince,
    DateOnly? FirstAbsenceInWindow);
