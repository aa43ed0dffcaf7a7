namespace PlugInnan.Grains.Rules;

/// <summary>What makes a subproject's definition and plan acceptable; failures name the field.</summary>
public static class SubprojectRecordRules
{
    public const int MaxTextLength = 200;

    public static void Check(SubprojectDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        RecordCheck.Text(definition.Name, "name", MaxTextLength);
        RecordCheck.Text(definition.Municipality, "municipality", MaxTextLength);
        RecordCheck.Require(definition.ProcessLeader is null || definition.ProcessLeader.Length <= MaxTextLength, "process_leader", $"must be at most {MaxTextLength} characters");
        for (var i = 0; i < definition.Schools.Count; i++)
        {
            var school = definition.Schools[i];
            RecordCheck.Text(school.Name, $"schools[{i}].name", MaxTextLength);
            RecordCheck.Require(school.SchoolUnitCode is null || SchoolUnitCode.IsValid(school.SchoolUnitCode), $"schools[{i}].school_unit_code", "must be 8 digits");
        }

        RecordCheck.Require(definition.Schools.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() == definition.Schools.Count, "schools", "name a school twice");
        RecordCheck.Require(definition.DevelopmentAreas.All(Enum.IsDefined), "development_areas", "holds an unknown development area");
        RecordCheck.Require(definition.SuccessFactors.All(Enum.IsDefined), "success_factors", "holds an unknown success factor");
    }

    public static void Check(SubprojectPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        for (var i = 0; i < plan.Goals.Count; i++)
        {
            var goal = plan.Goals[i];
            RecordCheck.Text(goal.Id, $"goals[{i}].id", StudentRecordRules.MaxIdLength);
            RecordCheck.Text(goal.Description, $"goals[{i}].description", MaxTextLength);
            RecordCheck.Require(Enum.IsDefined(goal.Measure), $"goals[{i}].measure", "is not a measure");
            RecordCheck.Require(double.IsFinite(goal.Target) && goal.Target >= 0, $"goals[{i}].target", "must be a number of at least 0");
        }

        RecordCheck.Require(plan.Goals.Select(g => g.Id).Distinct(StringComparer.Ordinal).Count() == plan.Goals.Count, "goals", "use an id twice");
    }

}
