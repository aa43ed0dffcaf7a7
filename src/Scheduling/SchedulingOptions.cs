using System.ComponentModel.DataAnnotations;
using Cronos;

namespace PlugInnan.Scheduling;

/// <summary>
/// When the follow-up jobs run (section <c>Silo:Scheduling</c>): Hangfire's 5-field cron (minute hour
/// day-of-month month day-of-week) in Swedish time; a 6-field cron starts with seconds.
/// </summary>
public sealed class SchedulingOptions : IValidatableObject
{
    public const string Section = "Silo:Scheduling";

    /// <summary>Whether this silo runs the jobs at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Rosters refreshed: 05:00 every day, before the checks.</summary>
    public string RosterRefreshCron { get; set; } = "0 5 * * *";

    /// <summary>Absence investigations: 05:30 every day.</summary>
    public string AbsenceInvestigationCron { get; set; } = "30 5 * * *";

    /// <summary>Intervention follow-ups: 05:35 every day.</summary>
    public string InterventionFollowUpCron { get; set; } = "35 5 * * *";

    /// <summary>Transition checks: 05:40 every day.</summary>
    public string TransitionCheckCron { get; set; } = "40 5 * * *";

    /// <summary>The school-year rollover: 1 July at 03:00, in the summer break.</summary>
    public string RolloverCron { get; set; } = "0 3 1 7 *";

    /// <summary>The weekly digest per subproject: Mondays at 06:00.</summary>
    public string WeeklyDigestCron { get; set; } = "0 6 * * 1";

    /// <summary>Forgetting the API's kept answers older than 30 days: 04:00 every day.</summary>
    public string RequestLogCleanupCron { get; set; } = "0 4 * * *";

    /// <summary>The guardian-notice run: every 15 minutes from 07:00 to 19:45 on weekdays (each school's cut-off decides).</summary>
    public string GuardianNoticeCron { get; set; } = "*/15 7-19 * * 1-5";

    /// <summary>How often a silo looks for due firings and queued runs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a run taken by a silo that then died stays invisible before another silo runs it again
    /// (PostgreSQL: a live silo keeps extending it, so this only delays the rerun after a crash).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a lock left by a silo that died is honoured before it is taken over (PostgreSQL; SQLite's renewed locks lapse in 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Runs a silo performs at once (different jobs; the same job never runs twice at once).</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 4;

    /// <summary>Each schedule read as Hangfire reads it (5 fields, or 6 with seconds first), so a wrong one stops the silo before it starts.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var schedules = new Dictionary<string, string>
        {
            [nameof(RosterRefreshCron)] = RosterRefreshCron,
            [nameof(AbsenceInvestigationCron)] = AbsenceInvestigationCron,
            [nameof(InterventionFollowUpCron)] = InterventionFollowUpCron,
            [nameof(TransitionCheckCron)] = TransitionCheckCron,
            [nameof(GuardianNoticeCron)] = GuardianNoticeCron,
            [nameof(RolloverCron)] = RolloverCron,
            [nameof(WeeklyDigestCron)] = WeeklyDigestCron,
            [nameof(RequestLogCleanupCron)] = RequestLogCleanupCron,
        };
        foreach (var (name, cron) in schedules)
        {
            var text = cron ?? "";
            var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            string? problem = fields is 5 or 6 ? null : $"'{text}' has {fields} fields; a schedule has 5 (minute hour day-of-month month day-of-week)";
            if (problem is null)
            {
                try
                {
                    CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
                }
                catch (CronFormatException e)
                {
                    problem = $"'{text}': {e.Message}";
                }
            }

            if (problem is not null)
            {
                yield return new ValidationResult(problem, [name]);
            }
        }
    }
}
