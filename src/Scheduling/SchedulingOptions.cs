namespace PlugInnan.Scheduling;

/// <summary>When the follow-up jobs run (section <c>Silo:Scheduling</c>); cron in Swedish time, Quartz syntax with seconds.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Silo:Scheduling";

    /// <summary>Whether this silo runs the jobs at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Rosters refreshed: 05:00 every day, before the checks.</summary>
    public string RosterRefreshCron { get; set; } = "0 0 5 * * ?";

    /// <summary>Absence investigations: 05:30 every day.</summary>
    public string AbsenceInvestigationCron { get; set; } = "0 30 5 * * ?";

    /// <summary>Intervention follow-ups: 05:35 every day.</summary>
    public string InterventionFollowUpCron { get; set; } = "0 35 5 * * ?";

    /// <summary>Transition checks: 05:40 every day.</summary>
    public string TransitionCheckCron { get; set; } = "0 40 5 * * ?";

    /// <summary>The school-year rollover: 1 July at 03:00, in the summer break.</summary>
    public string RolloverCron { get; set; } = "0 0 3 1 7 ?";

    /// <summary>The weekly digest per subproject: Mondays at 06:00.</summary>
    public string WeeklyDigestCron { get; set; } = "0 0 6 ? * MON";

    /// <summary>Forgetting the API's kept answers older than 30 days: 04:00 every day.</summary>
    public string RequestLogCleanupCron { get; set; } = "0 0 4 * * ?";

    /// <summary>The guardian-notice run: every 15 minutes from 07:00 to 19:45 on weekdays (each school's cut-off decides).</summary>
    public string GuardianNoticeCron { get; set; } = "0 0/15 7-19 ? * MON-FRI";
}
