namespace PlugInnan.Grains;

/// <summary>Open and overdue interventions in one development area at one prevention level.</summary>
public sealed record InterventionCount(DevelopmentArea Area, PreventionLevel Level, int Open, int Overdue);

/// <summary>Sums of the latest connectedness check-in of each student who has one, so means combine exactly across schools.</summary>
public sealed record ConnectednessSums(int Students, int Behavioural, int Academic, int Cognitive, int Affective)
{
    public static readonly ConnectednessSums Zero = new(0, 0, 0, 0, 0);
}

/// <summary>
/// A school's (or several schools') figures on a day, kept as counts and sums so they add up exactly
/// across schools; rates and means are derived. Raw: suppress small groups before they leave a school.
/// </summary>
/// <param name="Year9Projected">Year 9 students with enough grades for a projection.</param>
/// <param name="Leavers">Year-9 leavers of the last twelve months, from the rollover's archive.</param>
/// <param name="LeaversEligibleVocational">Of those, eligible for a vocational programme by their final grades: the programme's goal.</param>
public sealed record EngagementFigures(
    DateOnly AsOf,
    int Students,
    IReadOnlyDictionary<RiskLevel, int> StudentsPerRiskLevel,
    long ScheduledMinutes,
    long AbsentMinutes,
    int Year9Students,
    int Year9Projected,
    int Year9ProjectedVocational,
    IReadOnlyDictionary<ProgrammeGroup, int> Year9ProjectedPerGroup,
    ConnectednessSums Connectedness,
    IReadOnlyList<InterventionCount> Interventions,
    int Leavers = 0,
    int LeaversEligibleVocational = 0)
{
    /// <summary>Share of scheduled time attended this term; null with nothing scheduled.</summary>
    public double? AttendanceRate => ScheduledMinutes == 0 ? null : 1 - ((double)AbsentMinutes / ScheduledMinutes);

    /// <summary>Students flagged at elevated or high risk: the focus group.</summary>
    public int FocusGroup => StudentsPerRiskLevel.GetValueOrDefault(RiskLevel.Elevated) + StudentsPerRiskLevel.GetValueOrDefault(RiskLevel.High);
}
