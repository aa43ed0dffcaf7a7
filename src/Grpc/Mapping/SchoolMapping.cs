using PlugInnan.Api.Calls;
using PlugInnan.Grains;
using V1 = PlugInnan.Api.V1;

namespace PlugInnan.Api.Mapping;

/// <summary>Schools, routine settings, calendars and figures between the API and the domain.</summary>
internal static class SchoolMapping
{
    public static V1.School ToApi(string schoolUnitCode, SchoolProfile profile) => new()
    {
        SchoolUnitCode = schoolUnitCode,
        Name = profile.Name,
        MunicipalityCode = profile.MunicipalityCode,
        Municipality = profile.Municipality,
        Organiser = profile.Organiser,
    };

    public static V1.RoutineSettings ToApi(RoutineSettings routines) => new()
    {
        AbsenceWindowDays = routines.AbsenceWindowDays,
        AbsenceWatchRate = routines.AbsenceWatchRate,
        AbsenceHighRate = routines.AbsenceHighRate,
        ConsecutiveAbsenceDaysWatch = routines.ConsecutiveAbsenceDaysWatch,
        ConnectednessWatch = routines.ConnectednessWatch,
        TransitionWeeks = routines.TransitionWeeks,
        GuardianNoticeByMinute = (routines.GuardianNoticeBy.Hour * 60) + routines.GuardianNoticeBy.Minute,
        InvestigationReportDays = routines.InvestigationReportDays,
    };

    /// <summary>The settings; their ranges are the domain's to check (it names the field), the minute of day is checked here.</summary>
    public static RoutineSettings ToDomain(Violations violations, V1.RoutineSettings? routines)
    {
        if (!violations.Require(routines is not null, "routines", "is required"))
        {
            return new RoutineSettings();
        }

        violations.Require(routines!.GuardianNoticeByMinute is >= 0 and < 24 * 60, "routines.guardian_notice_by_minute", "must be 0–1439 (minutes after midnight)");
        return new RoutineSettings
        {
            AbsenceWindowDays = routines.AbsenceWindowDays,
            AbsenceWatchRate = routines.AbsenceWatchRate,
            AbsenceHighRate = routines.AbsenceHighRate,
            ConsecutiveAbsenceDaysWatch = routines.ConsecutiveAbsenceDaysWatch,
            ConnectednessWatch = routines.ConnectednessWatch,
            TransitionWeeks = routines.TransitionWeeks,
            GuardianNoticeBy = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Math.Clamp(routines.GuardianNoticeByMinute, 0, (24 * 60) - 1))),
            InvestigationReportDays = routines.InvestigationReportDays,
        };
    }

    public static V1.Term ToApi(TermDates term) => new()
    {
        Semester = Enums.ToApi<Semester, V1.Semester>(term.Term.Semester),
        Year = term.Term.Year,
        Start = Dates.ToProto(term.Start),
        End = Dates.ToProto(term.End),
    };

    public static V1.SchoolFigures ToApi(EngagementFigures figures)
    {
        var c = figures.Connectedness;
        var result = new V1.SchoolFigures
        {
            AsOf = Dates.ToProto(figures.AsOf),
            Students = figures.Students,
            RiskNone = figures.StudentsPerRiskLevel.GetValueOrDefault(RiskLevel.None),
            RiskWatch = figures.StudentsPerRiskLevel.GetValueOrDefault(RiskLevel.Watch),
            RiskElevated = figures.StudentsPerRiskLevel.GetValueOrDefault(RiskLevel.Elevated),
            RiskHigh = figures.StudentsPerRiskLevel.GetValueOrDefault(RiskLevel.High),
            Year9Students = figures.Year9Students,
            Year9Projected = figures.Year9Projected,
            Year9ProjectedVocational = figures.Year9ProjectedVocational,
            CheckedIn = c.Students,
            Leavers = figures.Leavers,
            LeaversEligibleVocational = figures.LeaversEligibleVocational,
        };
        if (figures.AttendanceRate is { } rate)
        {
            result.AttendanceRate = rate;
        }

        if (c.Students > 0)
        {
            result.ConnectednessMean = (c.Behavioural + c.Academic + c.Cognitive + c.Affective) / (4.0 * c.Students);
        }

        result.Year9ProjectedPerGroup.AddRange(figures.Year9ProjectedPerGroup.OrderBy(g => g.Key)
            .Select(g => new V1.ProgrammeGroupCount { Group = Enums.ToApi(g.Key), Students = g.Value }));
        result.Interventions.AddRange(figures.Interventions.Select(i => new V1.InterventionCount
        {
            Area = Enums.ToApi<DevelopmentArea, V1.DevelopmentArea>(i.Area),
            Level = Enums.ToApi<PreventionLevel, V1.PreventionLevel>(i.Level),
            Open = i.Open,
            Overdue = i.Overdue,
        }));
        return result;
    }
}
