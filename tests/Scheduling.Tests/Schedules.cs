namespace PlugInnan.Scheduling.Tests;

/// <summary>Job schedules for tests: every job off (its next firing in 2099) unless a test says otherwise.</summary>
internal static class Schedules
{
    private const string Never = "0 0 0 1 1 ? 2099";

    /// <summary>Every job off, then <paramref name="change"/> (to turn one on).</summary>
    public static SchedulingOptions NeverRun(Action<SchedulingOptions> change)
    {
        var options = NeverRun();
        change(options);
        return options;
    }

    public static SchedulingOptions NeverRun() => new()
    {
        RosterRefreshCron = Never,
        AbsenceInvestigationCron = Never,
        InterventionFollowUpCron = Never,
        TransitionCheckCron = Never,
        GuardianNoticeCron = Never,
        RolloverCron = Never,
        WeeklyDigestCron = Never,
        RequestLogCleanupCron = Never,
    };
}
