using System.Globalization;

namespace PlugInnan.Grains.Rules;

/// <summary>
/// The early warning: deterministic, explainable, built only from what the school can act on
/// (attendance, grades and alerts, connectedness, open investigations, the first weeks after the
/// move to year 7). Every reason is returned as data so a mentor can see exactly why.
/// </summary>
public static class RiskRules
{
    public const string AbsenceWindow = "absence_window";
    public const string ConsecutiveAbsence = "consecutive_absence_days";
    public const string CoreSubjectGrade = "core_subject_grade";
    public const string VocationalProjection = "vocational_eligibility_projection";
    public const string OpenSubjectAlert = "subject_alert";
    public const string Connectedness = "connectedness";
    public const string OpenInvestigation = "absence_investigation_open";
    public const string Transition = "transition_year_7";

    /// <summary>Grades needed before a projection means anything: the core three and five others (a vocational set).</summary>
    private const int GradedSubjectsForProjection = 8;

    public static RiskAssessment Assess(RiskInputs inputs, RoutineSettings settings, IGradingScale scale, DateOnly today)
    {
        var reasons = new List<RiskReason>();
        var absence = inputs.Absence;
        if (absence.WindowRate >= settings.AbsenceWatchRate)
        {
            var high = absence.WindowRate >= settings.AbsenceHighRate;
            reasons.Add(new RiskReason(
                AbsenceWindow, Rate(absence.WindowRate), Rate(high ? settings.AbsenceHighRate : settings.AbsenceWatchRate),
                high ? RiskLevel.High : RiskLevel.Watch, absence.FirstAbsenceInWindow));
        }

        if (absence.ConsecutiveDaysWithAbsence >= settings.ConsecutiveAbsenceDaysWatch)
        {
            reasons.Add(new RiskReason(
                ConsecutiveAbsence, Number(absence.ConsecutiveDaysWithAbsence), Number(settings.ConsecutiveAbsenceDaysWatch),
                RiskLevel.Watch, absence.AbsentSince));
        }

        var current = CurrentGrades.Of(inputs.Grades, today);
        foreach (var grade in current.Where(g => g.Subject is "SV" or "SVA" or "EN" or "MA" && !scale.IsPassing(g.Grade)))
        {
            reasons.Add(new RiskReason($"{CoreSubjectGrade}:{grade.Subject}", grade.Grade, "E", RiskLevel.Elevated, grade.RegisteredOn));
        }

        if (CanProject(current))
        {
            var projection = EligibilityRules.Evaluate(current.Select(g => new FinalGrade(g.Subject, g.Grade)), scale);
            if (!projection.Vocational)
            {
                reasons.Add(new RiskReason(VocationalProjection, "not eligible", "eligible", RiskLevel.High, current.Max(g => g.RegisteredOn)));
            }
        }

        foreach (var alert in inputs.OpenAlerts)
        {
            reasons.Add(new RiskReason($"{OpenSubjectAlert}:{alert.Subject}", "open", "none open", RiskLevel.Watch, alert.RaisedOn));
        }

        if (inputs.LatestCheckIn is { } checkIn && checkIn.Mean < settings.ConnectednessWatch)
        {
            reasons.Add(new RiskReason(Connectedness, Number(checkIn.Mean), Number(settings.ConnectednessWatch), RiskLevel.Watch, checkIn.Date));
        }

        if (inputs.OpenInvestigationSince is { } opened)
        {
            // An investigation under 7 kap. 19 a § means the absence is already serious enough to examine.
            reasons.Add(new RiskReason(OpenInvestigation, "open", "none open", RiskLevel.Elevated, opened));
        }

        var level = reasons.Count == 0 ? RiskLevel.None : reasons.Max(r => r.Level);
        if (level != RiskLevel.None && inputs.MovedToYear7On is { } moved && today < moved.AddDays(7 * settings.TransitionWeeks))
        {
            // The first weeks after the move are fragile: any warning then is raised one step.
            level = level == RiskLevel.High ? RiskLevel.High : level + 1;
            reasons.Add(new RiskReason(Transition, "in the first weeks", Number(settings.TransitionWeeks) + " weeks", level, moved));
        }

        return new RiskAssessment(level, reasons);
    }

    /// <summary>Whether current grades are enough for an eligibility projection to mean anything.</summary>
    public static bool CanProject(IReadOnlyCollection<GradeEntry> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.Count >= GradedSubjectsForProjection
            && current.Any(g => g.Subject is "SV" or "SVA") && current.Any(g => g.Subject == "EN") && current.Any(g => g.Subject == "MA");
    }

    private static string Rate(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
