namespace PlugInnan.Scheduling.Tests;

/// <summary>Job schedules for tests: every job off (1 January only) unless a test says otherwise, and fast polling.</summary>
internal static class Schedules
{
    private const string Never = "0 0 1 1 *";

    /// <summary>Every job off, then <paramref name="change"/> (to turn one on).</summary>
    public static SchedulingOptions NeverRun(Action<SchedulingOptions> change)
    {
        var options = new SchedulingOptions
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
        change(options);
        return options;
    }

    /// <summary>Polling every 200 ms, in tests only: the shipped 15 s would make every test wait.</summary>
    public static SchedulingOptions Fast(SchedulingOptions options)
    {
        options.PollInterval = TimeSpan.FromMilliseconds(200);
        return options;
    }
}
