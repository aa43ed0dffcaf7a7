using PlugInnan.Grains;
using PlugInnan.Grains.Rules;
using V1 = PlugInnan.Api.V1;

namespace PlugInnan.Api.Mapping;

/// <summary>Subprojects, plans and progress from the domain to the API; figures only, suppressed.</summary>
internal static class SubprojectMapping
{
    public static V1.Subproject ToApi(string id, SubprojectDefinition definition, SubprojectPlan? plan, Baseline? baseline)
    {
        var result = new V1.Subproject
        {
            SubprojectId = id,
            Name = definition.Name,
            Municipality = definition.Municipality,
            ProcessLeader = definition.ProcessLeader ?? "",
            Focus = definition.Focus ?? "",
            BaselineRecordedOn = Dates.ToProto(baseline?.TakenOn),
        };
        result.Schools.AddRange(definition.Schools.Select(s => new V1.SubprojectSchool { Name = s.Name, SchoolUnitCode = s.SchoolUnitCode ?? "" }));
        result.DevelopmentAreas.AddRange(definition.DevelopmentAreas.Select(Enums.ToApi<DevelopmentArea, V1.DevelopmentArea>));
        result.SuccessFactors.AddRange(definition.SuccessFactors.Select(Enums.ToApi<SuccessFactor, V1.SuccessFactor>));
        result.Goals.AddRange((plan?.Goals ?? []).Select(g => new V1.Goal
        {
            GoalId = g.Id,
            Description = g.Description,
            Measure = Enums.ToApi<ProgressMeasure, V1.ProgressMeasure>(g.Measure),
            Target = g.Target,
        }));
        return result;
    }

    public static V1.RiskLevelCounts ToApi(SuppressedCounts counts) => new()
    {
        None = Count(counts.Cells.GetValueOrDefault(nameof(RiskLevel.None))),
        Watch = Count(counts.Cells.GetValueOrDefault(nameof(RiskLevel.Watch))),
        Elevated = Count(counts.Cells.GetValueOrDefault(nameof(RiskLevel.Elevated))),
        High = Count(counts.Cells.GetValueOrDefault(nameof(RiskLevel.High))),
        Total = Count(counts.Total),
    };

    public static V1.GetProgressResponse ToApi(SubprojectProgress progress)
    {
        var result = new V1.GetProgressResponse
        {
            SubprojectId = progress.SubprojectId,
            AsOf = Dates.ToProto(progress.AsOf),
            BaselineRecordedOn = Dates.ToProto(progress.BaselineOn),
            StudentsPerRiskLevel = ToApi(progress.StudentsPerRiskLevel),
            FocusGroup = Count(progress.FocusGroup),
        };
        result.Measures.AddRange(progress.Measures.Select(m =>
        {
            var measure = new V1.MeasureProgress
            {
                Measure = Enums.ToApi<ProgressMeasure, V1.ProgressMeasure>(m.Measure),
                Baseline = Value(m.Baseline),
                Current = Value(m.Current),
                Change = Value(m.Change),
            };
            if (m.Target is { } target)
            {
                measure.Target = target;
            }

            if (m.TargetMet is { } met)
            {
                measure.TargetMet = met;
            }

            return measure;
        }));
        result.Schools.AddRange(progress.Schools.Select(s => new V1.SchoolProgress
        {
            Name = s.Name,
            SchoolUnitCode = s.SchoolUnitCode ?? "",
            StudentsPerRiskLevel = ToApi(s.StudentsPerRiskLevel),
        }));
        return result;
    }

    public static V1.Digest ToApi(SubprojectDigest digest) => new()
    {
        Week = digest.Week,
        RecordedOn = Dates.ToProto(digest.RecordedOn),
        Progress = ToApi(digest.Progress),
        Restated = digest.Restated,
    };

    public static V1.RecordBaselineResponse ToApi(Baseline baseline)
    {
        var result = new V1.RecordBaselineResponse
        {
            RecordedOn = Dates.ToProto(baseline.TakenOn),
            StudentsPerRiskLevel = ToApi(ProgressRules.RiskTable(baseline.Figures)),
        };
        result.Measures.AddRange(Enum.GetValues<ProgressMeasure>().Select(m => new V1.MeasureValue
        {
            Measure = Enums.ToApi<ProgressMeasure, V1.ProgressMeasure>(m),
            Value = Value(ProgressRules.Value(m, baseline.Figures)),
        }));
        return result;
    }

    private static V1.SuppressedCount Count(int? count) => count is { } c ? new() { Value = c } : new() { Suppressed = true };

    private static V1.SuppressedValue Value(double? value) => value is { } v ? new() { Value = v } : new() { Suppressed = true };
}
