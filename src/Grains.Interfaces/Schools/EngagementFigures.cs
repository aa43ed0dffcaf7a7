namespace PlugInnan.Grains;

/// <summary>Open and overdue interventions in one development area at one prevention level.</summary>
[GenerateSerializer, Alias("pluginnan.InterventionCount")]
public sealed record InterventionCount([property: Id(0)] DevelopmentArea Area, [property: Id(1)] PreventionLevel Level, [property: Id(2)] int Open, [property: Id(3)] int Overdue);

/// <summary>Sums of the latest connectedness check-in of each student who has one, so means combine exactly across schools.</summary>
[GenerateSerializer, Alias("pluginnan.ConnectednessSums")]
public sealed record ConnectednessSums([property: Id(0)] int Students, [property: Id(1)] int Behavioural, [property: Id(2)] int Academic, [property: Id(3)] int Cognitive, [property: Id(4)] int Affective)
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
[GenerateSerializer, Alias("pluginnan.EngagementFigures")]
public sealed record EngagementFigures(
    [property: Id(0)] DateOnly AsOf,
    [property: Id(1)] int Students,
    [property: Id(2)] IReadOnlyDictionary<RiskLevel, int> StudentsPerRiskLevel,
    [property: Id(3)] long ScheduledMinutes,
    [property: Id(4)] long AbsentMinutes,
    [property: Id(5)] int Year9Students,
    [property: Id(6)] int Year9Projected,
    [property: Id(7)] int Year9ProjectedVocational,
    [property: Id(8)] IReadOnlyDictionary<ProgrammeGroup, int> Year9ProjectedPerGroup,
    [property: Id(9)] ConnectednessSums Connectedness,
    [property: Id(10)] IReadOnlyList<InterventionCount> Interventions,
    [property: Id(11)] int Leavers = 0,
    [property: Id(12)] int LeaversEligibleVocational = 0)
{
    /// <summary>Share of scheduled time attended this term; null with nothing scheduled.</summary>
    public double? AttendanceRate => ScheduledMinutes == 0 ? null : 1 - ((double)AbsentMinutes / ScheduledMinutes);

    /// <summary>Students flagged at elevated or high risk: the focus group.</summary>
    public int FocusGroup => StudentsPerRiskLevel.GetValueOrDefault(RiskLevel.Elevated) + StudentsPerRiskLevel.GetValueOrDefault(RiskLevel.High);
}
