namespace PlugInnan.Grains;

/// <summary>
/// A school's routine settings for the early warning. Defaults follow RULES.md where it gives one;
/// the others are local choices marked as such, meant to be tuned by each school.
/// </summary>
[GenerateSerializer, Alias("pluginnan.RoutineSettings")]
public sealed record RoutineSettings
{
    /// <summary>Rolling absence window in calendar days (four weeks).</summary>
    [Id(0)]
    public int AbsenceWindowDays { get; init; } = 28;

    /// <summary>Absence share over the window that puts a student on watch (RULES.md: 10 %).</summary>
    [Id(1)]
    public double AbsenceWatchRate { get; init; } = 0.10;

    /// <summary>Absence share over the window that makes the risk high (RULES.md: 20 %).</summary>
    [Id(2)]
    public double AbsenceHighRate { get; init; } = 0.20;

    /// <summary>School days in a row with absence that put a student on watch (local choice).</summary>
    [Id(3)]
    public int ConsecutiveAbsenceDaysWatch { get; init; } = 3;

    /// <summary>Mean of the four connectedness dimensions (1–5) below which a student is on watch (local choice).</summary>
    [Id(4)]
    public double ConnectednessWatch { get; init; } = 2.5;

    /// <summary>Weeks after the move to year 7 during which any warning is raised one step (local choice).</summary>
    [Id(5)]
    public int TransitionWeeks { get; init; } = 6;

    /// <summary>Time of day (Swedish time) by which guardians must have been told of absence without a valid reason (local choice; the law says the same day).</summary>
    [Id(6)]
    public TimeOnly GuardianNoticeBy { get; init; } = new(16, 0);

    /// <summary>Years the school keeps a year-9 leaver's final outcome (and the student's data) after the rollover (local choice).</summary>
    [Id(7)]
    public int LeaverRetentionYears { get; init; } = 1;

    /// <summary>School days from opening an absence investigation to reporting it to the organiser (local choice; the law says without delay).</summary>
    [Id(8)]
    public int InvestigationReportDays { get; init; } = 5;
}
