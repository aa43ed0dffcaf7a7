using PlugInnan.Grains.Rules;

namespace PlugInnan.Grains.Students;

/// <summary>
/// Derives a student's profile and roster summary from the stored facts, the school's settings and
/// the day: pure, so the grain stores facts only and everything derived is recomputed.
/// </summary>
public static class StudentEvaluation
{
    public static StudentProfile Profile(string studentId, StudentState facts, SchoolSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        var scale = SwedishGradingScale.Instance;
        var termStart = SchoolCalendarRules.TermStart(settings.Calendar, today);
        var absence = AbsenceRules.Summarize(facts.Lessons.Select(l => l.ToAttendance()), today, termStart, settings.Routines.AbsenceWindowDays);
        var current = CurrentGrades.Of(facts.Grades, today);
        var finalGrades = current.Select(g => new FinalGrade(g.Subject, g.Grade)).ToList();
        var openAlerts = facts.Alerts.Where(a => a.IsOpen && a.RaisedOn <= today).ToList();
        var latestCheckIn = facts.CheckIns.Where(c => c.Date <= today).MaxBy(c => c.Date);
        var openInvestigations = facts.AbsenceInvestigations.Where(i => i.IsOpen && i.OpenedOn <= today).ToList();
        var risk = RiskRules.Assess(
            new RiskInputs(absence, facts.Grades, openAlerts, latestCheckIn, openInvestigations.Min(i => (DateOnly?)i.OpenedOn), facts.MovedToYear7On),
            settings.Routines,
            scale,
            today);
        return new StudentProfile(
            studentId,
            today,
            facts.Enrolment,
            absence,
            EligibilityRules.Evaluate(finalGrades, scale),
            MeritValue.Calculate(finalGrades, scale),
            risk,
            current,
            openAlerts,
            latestCheckIn,
            facts.Interventions,
            facts.GuardianContacts,
            facts.AbsenceInvestigations,
            facts.Handovers,
            OpenItems(facts, settings, openAlerts, openInvestigations));
    }

    /// <summary>What the school's roster holds of the student; null when the student is not enrolled there now.</summary>
    public static StudentSummary? Summary(StudentProfile profile, StudentState facts, SchoolSettings settings)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        if (profile.Enrolment is not { } enrolment || !IsEnrolledOn(enrolment, profile.AsOf))
        {
            return null;
        }

        var termStart = SchoolCalendarRules.TermStart(settings.Calendar, profile.AsOf);
        var term = facts.Lessons.Where(l => l.Day >= termStart.DayNumber && l.Day <= profile.AsOf.DayNumber).ToList();
        var projection = RiskRules.CanProject([.. profile.CurrentGrades])
            ? new EligibilityProjection(
                profile.Eligibility.Vocational,
                [.. profile.Eligibility.ProgrammeGroups.Where(g => g.Value).Select(g => g.Key).Order()],
                profile.Eligibility.ProgrammeOrientedIntroduction)
            : null;
        return new StudentSummary(
            profile.StudentId,
            enrolment.YearLevel,
            enrolment.SecurityMarking,
            profile.AsOf,
            profile.Risk.Level,
            profile.Risk.Reasons,
            new TermMinutes(term.Sum(l => l.Scheduled), term.Sum(l => l.Valid + l.Invalid), term.Sum(l => l.Invalid)),
            projection,
            profile.LatestCheckIn,
            profile.OpenItems,
            UnnotifiedInvalidAbsence(facts, profile.AsOf),
            facts.Handovers.Any(h => h.FromSchoolUnitCode == enrolment.SchoolUnitCode),
            facts.Handovers.Any(h => h.ToSchoolUnitCode == enrolment.SchoolUnitCode),
            enrolment.Mentor);
    }

    public static bool IsEnrolledOn(Enrolment enrolment, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        return enrolment.EndDate is null || enrolment.EndDate >= day;
    }

    private static List<OpenItem> OpenItems(
        StudentState facts, SchoolSettings settings, List<SubjectAlert> openAlerts, List<AbsenceInvestigation> openInvestigations)
    {
        var items = new List<OpenItem>();
        items.AddRange(facts.Interventions.Where(i => i.IsOpen)
            .Select(i => new OpenItem(OpenItemKind.Intervention, i.Id, i.FollowUpDate, i.Area, i.Level, i.Owner)));
        items.AddRange(openInvestigations.Select(i => new OpenItem(
            OpenItemKind.AbsenceInvestigation,
            i.Id,
            i.ReportedToOrganiserOn is null ? SchoolCalendarRules.AddSchoolDays(settings.Calendar, i.OpenedOn, settings.Routines.InvestigationReportDays) : null)));
        items.AddRange(openAlerts.Select(a => new OpenItem(OpenItemKind.SubjectAlert, a.Subject, null)));
        return items;
    }

    /// <summary>The latest day with absence without a valid reason, unless a same-day notice to the guardians followed it.</summary>
    private static DateOnly? UnnotifiedInvalidAbsence(StudentState facts, DateOnly today)
    {
        var latest = facts.Lessons.Where(l => l.Invalid > 0 && l.Day <= today.DayNumber).Select(l => (int?)l.Day).Max();
        if (latest is not { } day)
        {
            return null;
        }

        var notified = facts.GuardianContacts.Any(c => c.Reason == ContactReason.UnexcusedAbsence && c.Date.DayNumber >= day);
        return notified ? null : DateOnly.FromDayNumber(day);
    }
}
