namespace PlugInnan.Grains.Rules;

/// <summary>What makes a school's profile, routine settings and calendar acceptable; failures name the field.</summary>
public static class SchoolRecordRules
{
    private const int MaxTextLength = 200;

    public static void Check(SchoolProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        RecordCheck.Text(profile.Name, "name", MaxTextLength);
        RecordCheck.Require(profile.MunicipalityCode is { Length: 4 } && profile.MunicipalityCode.All(char.IsAsciiDigit), "municipality_code", "must be 4 digits");
        RecordCheck.Text(profile.Municipality, "municipality", MaxTextLength);
        RecordCheck.Text(profile.Organiser, "organiser", MaxTextLength);
    }

    public static void Check(RoutineSettings routines)
    {
        ArgumentNullException.ThrowIfNull(routines);
        RecordCheck.Require(routines.AbsenceWindowDays is >= 1 and <= 365, "absence_window_days", "must be 1–365");
        RecordCheck.Require(routines.AbsenceWatchRate is > 0 and <= 1, "absence_watch_rate", "must be above 0 and at most 1");
        RecordCheck.Require(routines.AbsenceHighRate >= routines.AbsenceWatchRate && routines.AbsenceHighRate <= 1, "absence_high_rate", "must be at least absence_watch_rate and at most 1");
        RecordCheck.Require(routines.ConsecutiveAbsenceDaysWatch is >= 1 and <= 60, "consecutive_absence_days_watch", "must be 1–60");
        RecordCheck.Require(routines.ConnectednessWatch is >= 1 and <= 5, "connectedness_watch", "must be 1–5");
        RecordCheck.Require(routines.TransitionWeeks is >= 0 and <= 26, "transition_weeks", "must be 0–26");
        RecordCheck.Require(routines.InvestigationReportDays is >= 0 and <= 60, "investigation_report_days", "must be 0–60");
        RecordCheck.Require(routines.LeaverRetentionYears is >= 0 and <= 10, "leaver_retention_years", "must be 0–10");
    }

    public static void Check(SchoolCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var terms = calendar.Terms.OrderBy(t => t.Start).ToList();
        for (var i = 0; i < calendar.Terms.Count; i++)
        {
            var term = calendar.Terms[i];
            RecordCheck.Require(term.End >= term.Start, $"terms[{i}].end", "must not be before start");
            RecordCheck.Require(Enum.IsDefined(term.Term.Semester), $"terms[{i}].term", "is not a term");
        }

        for (var i = 1; i < terms.Count; i++)
        {
            RecordCheck.Require(terms[i].Start > terms[i - 1].End, "terms", $"{terms[i - 1].Term} and {terms[i].Term} overlap");
        }

        RecordCheck.Require(calendar.Terms.Select(t => t.Term).Distinct().Count() == calendar.Terms.Count, "terms", "name a term twice");
    }

}
