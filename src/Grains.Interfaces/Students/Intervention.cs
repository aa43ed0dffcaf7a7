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
/// </summary>
public sealed record Intervention(
    string Id,
    PreventionLevel Level,
    DevelopmentArea Area,
    IReadOnlyList<SuccessFactor> SuccessFactors,
    string Description,
    string Owner,
    DateOnly StartDate,
    DateOnly FollowUpDate,
    InterventionStatus Status,
    InterventionEvaluation? Evaluation = null)
{
    public bool IsOpen => Status is InterventionStatus.Planned or InterventionStatus.Active;
}

/// <summary>A change to an intervention: null fields stay as they are.</summary>
public sealed record InterventionChange(
    string Id,
    InterventionStatus? Status = null,
    InterventionEvaluation? Evaluation = null,
    DateOnly? FollowUpDate = null,
    string? Owner = null,
    string? Description = null);
