using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using PlugInnan.Scheduling.Jobs;

namespace PlugInnan.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// The follow-up jobs on Hangfire: its storage (<paramref name="store"/>), the schedules written at
    /// start, and a Hangfire server on this silo. The job classes are registered either way (a silo with
    /// scheduling off runs none, but tests and tools call them). The storage, activator and time zone resolver are this
    /// host's own services rather than Hangfire's process-wide defaults, so two silos in one process
    /// (tests) keep apart.
    /// </summary>
    public static IServiceCollection AddFollowUpScheduling(this IServiceCollection services, JobStore store, SchedulingOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<FollowUpSweep>();
        foreach (var job in new[] { typeof(RosterRefreshJob), typeof(AbsenceInvestigationJob), typeof(InterventionFollowUpJob), typeof(TransitionCheckJob), typeof(GuardianNoticeJob), typeof(SchoolYearRolloverJob), typeof(WeeklyDigestJob), typeof(RequestLogCleanupJob) })
        {
            services.AddTransient(job);
        }

        if (!options.Enabled)
        {
            return services;
        }

        services.AddSingleton(options);
        services.AddSingleton(_ => JobStorages.Create(store, options));
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<ITimeZoneResolver, SwedishTimeZoneResolver>();
        services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHostedService<RecurringJobRegistration>(); // before the server: see RecurringJobRegistration
        services.AddHangfireServer((_, server) =>
        {
            server.WorkerCount = options.Workers;
            server.SchedulePollingInterval = options.PollInterval;
            server.ServerName = $"pluginnan-{Environment.MachineName}"; // Hangfire adds the process id and a GUID
        });
        return services;
    }
}
