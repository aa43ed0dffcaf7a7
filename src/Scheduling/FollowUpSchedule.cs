using Hangfire;
using PlugInnan.Grains.Rules;
using PlugInnan.Scheduling.Jobs;

namespace PlugInnan.Scheduling;

/// <summary>
/// The follow-up jobs' recurring schedules, written at every start with stable ids: a changed cron
/// replaces the stored one; an unchanged one keeps its next firing, so a firing missed while no silo
/// ran is run once (Hangfire's relaxed misfire handling: one run for all missed firings).
/// </summary>
public static class FollowUpSchedule
{
    public static void Register(IRecurringJobManager jobs, SchedulingOptions options)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(options);
        var recurring = new RecurringJobOptions { TimeZone = SwedishTime.Zone, MisfireHandling = MisfireHandlingMode.Relaxed };
        jobs.AddOrUpdate<RosterRefreshJob>(RosterRefreshJob.Id, j => j.RunAsync(CancellationToken.None), options.RosterRefreshCron, recurring);
        jobs.AddOrUpdate<AbsenceInvestigationJob>(AbsenceInvestigationJob.Id, j => j.RunAsync(CancellationToken.None), options.AbsenceInvestigationCron, recurring);
        jobs.AddOrUpdate<InterventionFollowUpJob>(InterventionFollowUpJob.Id, j => j.RunAsync(CancellationToken.None), options.InterventionFollowUpCron, recurring);
        jobs.AddOrUpdate<TransitionCheckJob>(TransitionCheckJob.Id, j => j.RunAsync(CancellationToken.None), options.TransitionCheckCron, recurring);
        jobs.AddOrUpdate<GuardianNoticeJob>(GuardianNoticeJob.Id, j => j.RunAsync(CancellationToken.None), options.GuardianNoticeCron, recurring);
        jobs.AddOrUpdate<SchoolYearRolloverJob>(SchoolYearRolloverJob.Id, j => j.RunAsync(CancellationToken.None), options.RolloverCron, recurring);
        jobs.AddOrUpdate<WeeklyDigestJob>(WeeklyDigestJob.Id, j => j.RunAsync(CancellationToken.None), options.WeeklyDigestCron, recurring);
        jobs.AddOrUpdate<RequestLogCleanupJob>(RequestLogCleanupJob.Id, j => j.RunAsync(CancellationToken.None), options.RequestLogCleanupCron, recurring);
    }

    /// <summary>The stable ids, one per job.</summary>
    public static IReadOnlyList<string> Ids { get; } =
    [
        RosterRefreshJob.Id, AbsenceInvestigationJob.Id, InterventionFollowUpJob.Id, TransitionCheckJob.Id,
        GuardianNoticeJob.Id, SchoolYearRolloverJob.Id, WeeklyDigestJob.Id, RequestLogCleanupJob.Id,
    ];
}
