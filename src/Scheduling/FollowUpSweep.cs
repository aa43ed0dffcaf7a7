using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans;
using PlugInnan.Grains;
using PlugInnan.Grains.Rules;

namespace PlugInnan.Scheduling;

/// <summary>What one run of a workflow did.</summary>
public sealed record SweepReport(int Schools, int Students, int TasksDue, int TasksAdded, TimeSpan Elapsed);

/// <summary>What a school-year rollover did: students moved up a year, year-9 leavers archived, leavers past retention erased.</summary>
public sealed record RolloverReport(int Schools, int Students, int Leavers, int Erased, TimeSpan Elapsed);

/// <summary>
/// Runs follow-up rules over every registered school: asks each school grain (not each student) for
/// its roster and settings, and raises the tasks due in the school's follow-up grain. Task ids come
/// from their triggers, so a run repeated (a retry, two silos, a restart mid-run) adds nothing twice.
/// </summary>
public sealed partial class FollowUpSweep(IGrainFactory grains, SchoolClock time, ILogger<FollowUpSweep> logger)
{
    private const int ParallelStudents = 16;

    /// <summary>The same-day guardian notices, for schools whose cut-off time has passed.</summary>
    public Task<SweepReport> GuardianNoticesAsync(CancellationToken cancellationToken) =>
        RunAsync("guardian notices", FollowUpRules.GuardianNotices, cancellationToken);

    /// <summary>Every student re-reports to its school as of today: rolling windows move with the days, so rosters must too.</summary>
    public async Task<SweepReport> RefreshRostersAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var schools = await grains.GetGrain<IRegistryGrain>(Registries.Schools).List();
        var students = 0;
        foreach (var school in schools)
        {
            students += await ForEachStudentAsync(school.Id, student => student.Refresh(), cancellationToken);
        }

        var report = new SweepReport(schools.Count, students, 0, 0, watch.Elapsed);
        LogSwept(logger, "roster refresh", report.Schools, report.Students, 0, 0, report.Elapsed.TotalMilliseconds);
        return report;
    }

    /// <summary>Absence investigations to open, and opened ones not reported in time.</summary>
    public Task<SweepReport> AbsenceInvestigationsAsync(CancellationToken cancellationToken) =>
        RunAsync("absence investigation", (school, now) => FollowUpRules.AbsenceInvestigations(school, now).Concat(FollowUpRules.InvestigationReports(school, now)), cancellationToken);

    /// <summary>Interventions whose follow-up date has come, and those five school days past it.</summary>
    public Task<SweepReport> InterventionFollowUpsAsync(CancellationToken cancellationToken) =>
        RunAsync("intervention follow-up", FollowUpRules.InterventionFollowUps, cancellationToken);

    /// <summary>The year 6 to 7 transition checks.</summary>
    public Task<SweepReport> TransitionChecksAsync(CancellationToken cancellationToken) =>
        RunAsync("transition 6-7", FollowUpRules.Transition, cancellationToken);

    /// <summary>What the morning's jobs do together: the rosters refreshed, then every daily rule.</summary>
    public async Task<SweepReport> DailyAsync(CancellationToken cancellationToken)
    {
        var refresh = await RefreshRostersAsync(cancellationToken);
        var checks = await RunAsync("daily follow-up", FollowUpRules.Daily, cancellationToken);
        return checks with { Elapsed = refresh.Elapsed + checks.Elapsed };
    }

    /// <summary>
    /// The school-year rollover, for the school year starting this (or, before July, last) August:
    /// every student on a roster moves up a year once; year-9 leavers are archived with their final
    /// outcome; leavers older than the school's retention setting are erased, their student data with them.
    /// </summary>
    public async Task<RolloverReport> RolloverAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var today = SwedishTime.Today(time);
        var autumnYear = SchoolCalendarRules.AutumnYear(today);
        var schools = await grains.GetGrain<IRegistryGrain>(Registries.Schools).List();
        var (students, leavers, erased) = (0, 0, 0);
        foreach (var school in schools)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var grain = grains.GetGrain<ISchoolGrain>(school.Id);
            var left = new ConcurrentBag<LeaverRecord>();
            var members = await ForEachStudentAsync(school.Id, async student =>
            {
                if (await student.AdvanceSchoolYear(autumnYear) is { } leaver)
                {
                    left.Add(leaver);
                }
            }, cancellationToken);
            await grain.ArchiveLeavers([.. left]);

            var retention = (await grain.GetSettings()).Routines.LeaverRetentionYears;
            var purged = await grain.PurgeLeavers(today.AddYears(-retention));
            foreach (var id in purged)
            {
                await grains.GetGrain<IStudentGrain>(id).Forget();
            }

            (students, leavers, erased) = (students + members, leavers + left.Count, erased + purged.Count);
        }

        var report = new RolloverReport(schools.Count, students, leavers, erased, watch.Elapsed);
        LogRolledOver(logger, autumnYear, report.Schools, report.Students, report.Leavers, report.Erased, report.Elapsed.TotalMilliseconds);
        return report;
    }

    /// <summary>Each defined subproject records its weekly digest for its process leader; returns how many did.</summary>
    public async Task<int> DigestsAsync(CancellationToken cancellationToken)
    {
        var subprojects = await grains.GetGrain<IRegistryGrain>(Registries.Subprojects).List();
        var recorded = 0;
        foreach (var subproject in subprojects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var grain = grains.GetGrain<ISubprojectGrain>(subproject.Id);
            if (await grain.GetDefinition() is not null)
            {
                await grain.RecordDigest();
                recorded++;
            }
        }

        return recorded;
    }

    /// <summary>Calls every student of a school (its members, whatever its roster summaries say), some in parallel; returns how many.</summary>
    private async Task<int> ForEachStudentAsync(string schoolUnitCode, Func<IStudentGrain, Task> call, CancellationToken cancellationToken)
    {
        var members = await grains.GetGrain<ISchoolGrain>(schoolUnitCode).GetMembers();
        await Parallel.ForEachAsync(
            members,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelStudents, CancellationToken = cancellationToken },
            async (student, _) => await call(grains.GetGrain<IStudentGrain>(student)));
        return members.Count;
    }

    private async Task<SweepReport> RunAsync(string name, Func<SchoolSnapshot, DateTimeOffset, IEnumerable<FollowUpTask>> rules, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var schools = await grains.GetGrain<IRegistryGrain>(Registries.Schools).List();
        var (students, due, added) = (0, 0, 0);
        foreach (var school in schools)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var grain = grains.GetGrain<ISchoolGrain>(school.Id);
            var snapshot = new SchoolSnapshot(school.Id, await grain.GetSettings(), await grain.GetRoster());
            var tasks = rules(snapshot, time.GetUtcNow()).ToList();
            students += snapshot.Roster.Count;
            due += tasks.Count;
            added += tasks.Count == 0 ? 0 : await grains.GetGrain<IFollowUpGrain>(school.Id).Raise(tasks);
        }

        var report = new SweepReport(schools.Count, students, due, added, watch.Elapsed);
        LogSwept(logger, name, report.Schools, report.Students, report.TasksDue, report.TasksAdded, report.Elapsed.TotalMilliseconds);
        return report;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "School-year rollover for {AutumnYear}: {Schools} schools, {Students} students, {Leavers} year-9 leavers archived, {Erased} erased after retention, in {Milliseconds:0} ms")]
    private static partial void LogRolledOver(ILogger logger, int autumnYear, int schools, int students, int leavers, int erased, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Follow-up run '{Name}': {Schools} schools, {Students} students, {Due} tasks due, {Added} new, in {Milliseconds:0} ms")]
    private static partial void LogSwept(ILogger logger, string name, int schools, int students, int due, int added, double milliseconds);
}
