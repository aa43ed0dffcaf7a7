namespace PlugInnan.Grains;

public enum InterventionStatus
{
    Planned = 1,
    Active = 2,
    Completed = 3,
    Cancelled = 4,
}

/// <summary>How the student's situation changed, judged when an intervention is completed.</summary>
public enum InterventionEvaluation
{
    Improved = 1,
    Unchanged = 2,
    Worse = 3,
}

/// <summary>
/// Something the school does for the student, at a prevention level and in a development area, with
/// an owner and a follow-up date. The id comes from the school system: sending it again updates it.
/// <see cref="ClosedOn"/> is set by the student grain, the day it first sees the intervention completed
/// or cancelled, so figures can be restated as they stood on an earlier day.
/// </summary>
[GenerateSerializer, Alias("pluginnan.Intervention")]
public sealed record Intervention(
    [property: Id(0)] string Id,
    [property: Id(1)] PreventionLevel Level,
    [property: Id(2)] DevelopmentArea Area,
    [property: Id(3)] IReadOnlyList<SuccessFactor> SuccessFactors,
    [property: Id(4)] string Description,
    [property: Id(5)] string Owner,
    [property: Id(6)] DateOnly StartDate,
    [property: Id(7)] DateOnly FollowUpDate,
    [property: Id(8)] InterventionStatus Status,
    [property: Id(9)] InterventionEvaluation? Evaluation = null,
    [property: Id(10)] DateOnly? ClosedOn = null)
{
    public bool IsOpen => Status is InterventionStatus.Planned or InterventionStatus.Active;
}

/// <summary>A change to an intervention: null fields stay as they are.</summary>
[GenerateSerializer, Alias("pluginnan.InterventionChange")]
public sealed record InterventionChange(
    [property: Id(0)] string Id,
    [property: Id(1)] InterventionStatus? Status = null,
    [property: Id(2)] InterventionEvaluation? Evaluation = null,
    [property: Id(3)] DateOnly? FollowUpDate = null,
    [property: Id(4)] string? Owner = null,
    [property: Id(5)] string? Description = null);
