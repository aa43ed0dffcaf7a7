using Microsoft.Extensions.DependencyInjection;
using PlugInnan.Grains.Rules;
using Quartz;

namespace PlugInnan.Scheduling;

/// <summary>Which database the job store uses: the grain storage's own.</summary>
public enum SchedulerStore
{
    Sqlite,
    PostgreSql,
}

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// The follow-up jobs on Quartz.NET with its persistent job store in the grain storage's database:
    /// schema created when missing; on PostgreSQL clustered, so silos sharing the database run each
    /// firing once between them; a firing missed while no silo ran is run once at start.
    /// </summary>
    public static IServiceCollection AddFollowUpScheduling(
        this IServiceCollection services, SchedulerStore store, string connectionString, SchedulingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<FollowUpSweep>();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "plug-innan-follow-up"; // one name for all silos sharing the store: one cluster
                scheduler.GenerateInstanceId = true;
            });
            quartz.UsePersistentStore(persistent =>
            {
                _ = store == SchedulerStore.PostgreSql ? persistent.UsePostgres(connectionString) : persistent.UseSqlite(connectionString);
                persistent.UseSystemTextJsonSerializer();
                persistent.ProvisionSchema();
                if (store == SchedulerStore.PostgreSql)
                {
                    persistent.UseClustering();
                }
            });
            AddJob<RosterRefreshJob>(quartz, RosterRefreshJob.Key, options.RosterRefreshCron);
            AddJob<AbsenceInvestigationJob>(quartz, AbsenceInvestigationJob.Key, options.AbsenceInvestigationCron);
            AddJob<InterventionFollowUpJob>(quartz, InterventionFollowUpJob.Key, options.InterventionFollowUpCron);
            AddJob<TransitionCheckJob>(quartz, TransitionCheckJob.Key, options.TransitionCheckCron);
            AddJob<GuardianNoticeJob>(quartz, GuardianNoticeJob.Key, options.GuardianNoticeCron);
            AddJob<SchoolYearRolloverJob>(quartz, SchoolYearRolloverJob.Key, options.RolloverCron);
            AddJob<WeeklyDigestJob>(quartz, WeeklyDigestJob.Key, options.WeeklyDigestCron);
            AddJob<RequestLogCleanupJob>(quartz, RequestLogCleanupJob.Key, options.RequestLogCleanupCron); // needs the API's request log (AddApiRecords)
        });
        // The configured schedules replace the stored ones at every start (so a changed cron takes effect),
        // but take over their firing history, so a firing missed while no silo ran is caught up once.
        services.Configure<QuartzOptions>(quartz => quartz.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true);
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }

    private static void AddJob<TJob>(IQuartzBuilder quartz, JobKey key, string cron)
        where TJob : IJob
    {
        quartz.AddJob<TJob>(job => job.WithIdentity(key).StoreDurably().RequestRecovery());
        quartz.AddTrigger(trigger => trigger
            .ForJob(key)
            .WithIdentity($"{key.Name}-schedule", key.Group)
            .WithCronSchedule(cron, schedule => schedule.InTimeZone(SwedishTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    }
}
