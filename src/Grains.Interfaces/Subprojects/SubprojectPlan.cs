namespace PlugInnan.Grains;

/// <summary>What progress is measured on, from the schools' figures.</summary>
public enum ProgressMeasure
{
    /// <summary>Share of year 9 students whose current grades make them eligible for a vocational programme.</summary>
    ProjectedEligibility = 1,

    /// <summary>Share of scheduled time attended this term.</summary>
    AttendanceRate = 2,

    /// <summary>Students at elevated or high risk.</summary>
    FocusGroup = 3,

    /// <summary>Mean of the four connectedness dimensions (1–5), over students with a check-in.</summary>
    Connectedness = 4,

    ConnectednessBehavioural = 5,
    ConnectednessAcademic = 6,
    ConnectednessCognitive = 7,
    ConnectednessAffective = 8,

    /// <summary>Interventions past their follow-up date and still open.</summary>
    InterventionsOverdue = 9,

    /// <summary>Share of the last twelve months' year-9 leavers eligible for a vocational programme by their final grades.</summary>
    LeaverEligibility = 10,
}

/// <summary>A goal of the plan: a measure and the value it should reach.</summary>
[GenerateSerializer, Alias("pluginnan.PlanGoal")]
public sealed record PlanGoal([property: Id(0)] string Id, [property: Id(1)] string Description, [property: Id(2)] ProgressMeasure Measure, [property: Id(3)] double Target);

/// <summary>The subproject's plan (projektplan).</summary>
[GenerateSerializer, Alias("pluginnan.SubprojectPlan")]
public sealed record SubprojectPlan([property: Id(0)] IReadOnlyList<PlanGoal> Goals);
