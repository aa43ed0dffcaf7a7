using System.Globalization;

namespace PlugInnan.Grains.Rules;

/// <summary>A school as the follow-up rules see it: its code, settings and roster.</summary>
[GenerateSerializer, Alias("pluginnan.SchoolSnapshot")]
public sealed record SchoolSnapshot([property: Id(0)] string SchoolUnitCode, [property: Id(1)] SchoolSettings Settings, [property: Id(2)] IReadOnlyList<StudentSummary> Roster);

/// <summary>
/// The follow-up workflows as pure rules: from a school's roster and the time, the tasks that are due.
/// Each task's id is built from what triggered it, so running a rule again raises nothing new.
/// "School day" is a day in the school's calendar (or the default Swedish school year).
/// </summary>
public static class FollowUpRules
{
    /// <summary>School days past an intervention's follow-up date before the principal is told (issue default).</summary>
    public const int EscalationSchoolDays = 5;

    /// <summary>School days into a term before its absence rate can call for an investigation (local choice).</summary>
    public const int TermRateAfterSchoolDays = 10;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// Same-day guardian notice (skollagen 7 kap. 17 §): once the school's cut-off time has passed on a
    /// school day, each absence without a valid reason that day with no guardian contact recorded.
    /// </summary>
    public static IEnumerable<FollowUpTask> GuardianNotices(SchoolSnapshot school, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(school);
        var local = SwedishTime.Local(now);
        var today = DateOnly.FromDateTime(local);
        var cutOff = school.Settings.Routines.GuardianNoticeBy;
        if (!SchoolCalendarRules.IsSchoolDay(school.Settings.Calendar, today) || TimeOnly.FromDateTime(local) < cutOff)
        {
            return [];
        }

        return school.Roster
            .Where(s => s.UnnotifiedInvalidAbsenceOn == today)
            .Select(s => Task(
                school, s, FollowUpKind.GuardianNotice, $"{Day(today)}", ResponsibleRole.Mentor, now, today,
                new FollowUpTrigger("invalid_absence", Day(today), $"guardians told the same day, by {cutOff:HH\\:mm}")));
    }

    /// <summary>All the daily rules: absence investigations, their reports, intervention follow-ups and the year 6→7 transition.</summary>
    public static IEnumerable<FollowUpTask> Daily(SchoolSnapshot school, DateTimeOffset now) =>
        AbsenceInvestigations(school, now)
            .Concat(InvestigationReports(school, now))
            .Concat(InterventionFollowUps(school, now))
            .Concat(Transition(school, now));

    /// <summary>
    /// Repeated or prolonged absence (7 kap. 19 a §) over the school's thresholds — the high rate over
    /// the window, absence days in a row, or the watch rate over the term once two weeks of it have passed — with no open
    /// investigation: a task for the principal, once per student and term.
    /// </summary>
    public static IEnumerable<FollowUpTask> AbsenceInvestigations(SchoolSnapshot school, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(school);
        var today = Today(now);
        var routines = school.Settings.Routines;
        var term = SchoolCalendarRules.CurrentTerm(school.Settings.Calendar, today);
        // The term's rate counts once two weeks of the term have passed: one absent day early on is not "repeated".
        var termSettled = SchoolCalendarRules.AddSchoolDays(school.Settings.Calendar, term.Start, TermRateAfterSchoolDays) <= today;
        foreach (var student in school.Roster.Where(s => !s.OpenItems.Any(i => i.Kind == OpenItemKind.AbsenceInvestigation)))
        {
            var trigger = student.Reasons
                .Where(r => (r.Indicator == RiskRules.AbsenceWindow && r.Level == RiskLevel.High) || r.Indicator == RiskRules.ConsecutiveAbsence)
                .Select(r => new FollowUpTrigger(r.Indicator, r.Value, r.Threshold))
                .FirstOrDefault();
            var termRate = student.Term.Scheduled == 0 ? 0 : (double)student.Term.Absent / student.Term.Scheduled;
            if (trigger is null && termSettled && termRate >= routines.AbsenceWatchRate)
            {
                trigger = new FollowUpTrigger("absence_term", Rate(termRate), Rate(routines.AbsenceWatchRate));
            }

            if (trigger is not null)
            {
                yield return Task(school, student, FollowUpKind.AbsenceInvestigation, term.Term.ToString(), ResponsibleRole.Principal, now, today, trigger);
            }
        }
    }

    /// <summary>An investigation opened but not reported to the organiser within the school's limit: an overdue task for the principal.</summary>
    public static IEnumerable<FollowUpTask> InvestigationReports(SchoolSnapshot school, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(school);
        var today = Today(now);
        var limit = school.Settings.Routines.InvestigationReportDays;
        return school.Roster.SelectMany(s => s.OpenItems
            .Where(i => i is { Kind: OpenItemKind.AbsenceInvestigation, DueOn: { } due } && due < today)
            .Select(i => Task(
                school, s, FollowUpKind.InvestigationReport, i.Id, ResponsibleRole.Principal, now, i.DueOn!.Value,
                new FollowUpTrigger("investigation_report_days", $"not reported by {Day(i.DueOn!.Value)}", $"{limit} school days"))));
    }

    /// <summary>
    /// An intervention whose follow-up date has come: a reminder to its owner; past it by
    /// <see cref="EscalationSchoolDays"/> school days, an escalation to the principal.
    /// </summary>
    public static IEnumerable<FollowUpTask> InterventionFollowUps(SchoolSnapshot school, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(school);
        var today = Today(now);
        foreach (var student in school.Roster)
        {
            foreach (var item in student.OpenItems.Where(i => i is { Kind: OpenItemKind.Intervention, DueOn: { } due } && due <= today))
            {
                var due = item.DueOn!.Value;
                var about = $"{item.Id}:{Day(due)}";
                yield return Task(
                    school, student, FollowUpKind.InterventionFollowUp, about, ResponsibleRole.InterventionOwner, now, due,
                    new FollowUpTrigger("intervention_follow_up_date", Day(due), "follow up on the date"), item.Owner);
                var escalateAfter = SchoolCalendarRules.AddSchoolDays(school.Settings.Calendar, due, EscalationSchoolDays);
                if (today > escalateAfter)
                {
                    yield return Task(
                        school, student, FollowUpKind.InterventionEscalation, about, ResponsibleRole.Principal, now, today,
                        new FollowUpTrigger("intervention_follow_up_overdue", Day(due), $"{EscalationSchoolDays} school days"));
                }
            }
        }
    }

    /// <summary>
    /// The move from year 6 to year 7 (3 kap. 12 j §). From 1 May to the end of the spring term, every
    /// year-6 student at watch or above without a handover from this school: a task for this (sending)
    /// school, due the last day of term. In the first weeks of the autumn term (the school's transition
    /// weeks), every year-7 student without a handover to this school: a task for the receiving school;
    /// and one whose absence or connectedness already trips a threshold: a flag to the mentor.
    /// </summary>
    public static IEnumerable<FollowUpTask> Transition(SchoolSnapshot school, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(school);
        var today = Today(now);
        var term = SchoolCalendarRules.CurrentTerm(school.Settings.Calendar, today);
        var year = today.Year.ToString(Invariant);
        if (term.Term.Semester == Semester.Spring && today >= new DateOnly(today.Year, 5, 1) && today <= term.End)
        {
            foreach (var student in school.Roster.Where(s => s is { YearLevel: 6, HandoverFromHere: false } && s.Risk >= RiskLevel.Watch))
            {
                yield return Task(
                    school, student, FollowUpKind.HandoverToSend, year, ResponsibleRole.Principal, now, term.End,
                    new FollowUpTrigger("transition_year_6", student.Risk.ToString(), "watch or above, handover before the end of term"));
            }
        }

        var weeks = school.Settings.Routines.TransitionWeeks;
        if (term.Term.Semester == Semester.Autumn && today >= term.Start && today < term.Start.AddDays(7 * weeks))
        {
            foreach (var student in school.Roster.Where(s => s.YearLevel == 7))
            {
                if (!student.HandoverToHere)
                {
                    yield return Task(
                        school, student, FollowUpKind.HandoverMissing, year, ResponsibleRole.ReceivingSchool, now,
                        SchoolCalendarRules.AddSchoolDays(school.Settings.Calendar, today, EscalationSchoolDays),
                        new FollowUpTrigger("handover_missing", "no handover recorded", $"in the first {weeks} weeks of year 7"));
                }

                var tripped = student.Reasons.FirstOrDefault(r => r.Indicator is RiskRules.AbsenceWindow or RiskRules.ConsecutiveAbsence or RiskRules.Connectedness);
                if (tripped is not null)
                {
                    yield return Task(
                        school, student, FollowUpKind.TransitionWatch, year, ResponsibleRole.Mentor, now, today,
                        new FollowUpTrigger(tripped.Indicator, tripped.Value, tripped.Threshold));
                }
            }
        }
    }

    /// <summary>The task id: kind, student and what it is about, e.g. <c>guardian-notice:ab12…:2026-11-20</c>.</summary>
    public static string TaskId(FollowUpKind kind, string studentId, string about) =>
        $"{KindName(kind)}:{studentId}:{about}";

    private static FollowUpTask Task(
        SchoolSnapshot school, StudentSummary student, FollowUpKind kind, string about, ResponsibleRole role, DateTimeOffset now, DateOnly due, FollowUpTrigger trigger, string? owner = null) =>
        new(TaskId(kind, student.StudentId, about), kind, student.StudentId, school.SchoolUnitCode, role, now, due, trigger,
            AssignedTo: role switch
            {
                ResponsibleRole.Mentor => student.Mentor,
                ResponsibleRole.InterventionOwner => owner,
                _ => null,
            });

    private static string KindName(FollowUpKind kind) => kind switch
    {
        FollowUpKind.GuardianNotice => "guardian-notice",
        FollowUpKind.AbsenceInvestigation => "absence-investigation",
        FollowUpKind.InvestigationReport => "investigation-report",
        FollowUpKind.InterventionFollowUp => "intervention-follow-up",
        FollowUpKind.InterventionEscalation => "intervention-escalation",
        FollowUpKind.HandoverToSend => "handover-to-send",
        FollowUpKind.HandoverMissing => "handover-missing",
        FollowUpKind.TransitionWatch => "transition-watch",
        _ => kind.ToString(),
    };

    private static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(SwedishTime.Local(now));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);

    private static string Rate(double value) => value.ToString("0.###", Invariant);
}
