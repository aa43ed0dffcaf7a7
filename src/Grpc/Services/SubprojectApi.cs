using Grpc.Core;
using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using Orleans;
using PlugInnan.Api.Access;
using PlugInnan.Api.Calls;
using PlugInnan.Api.Mapping;
using PlugInnan.Grains;
using V1 = PlugInnan.Api.V1;

namespace PlugInnan.Api.Services;

/// <summary>pluginnan.v1.SubprojectService: what a process leader plans and reads; figures only, small groups withheld.</summary>
public sealed partial class SubprojectApi(IGrainFactory grains, ApiCalls calls, Auditor auditor) : V1.SubprojectService.SubprojectServiceBase
{
    private const int MaxTextLength = 200;
    private const int MaxGoals = 50;

    [Roles(ApiRole.ProcessLeader, ApiRole.Administrator)]
    public override async Task<V1.ListSubprojectsResponse> ListSubprojects(V1.ListSubprojectsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var paging = PageRequest.Read(violations, request.PageSize, request.PageToken, "subprojects");
        violations.ThrowIfAny();

        var caller = CallerInterceptor.Caller(context);
        var visible = (await ApiCalls.RunAsync(grains.GetGrain<IRegistryGrain>(Registries.Subprojects).List)).Where(s => caller.MayActForSubproject(s.Id)).ToList();
        var (page, next) = paging.Take(visible);
        var response = new V1.ListSubprojectsResponse { NextPageToken = next };
        response.Subprojects.AddRange(page.Select(s => new V1.SubprojectListEntry { SubprojectId = s.Id, Name = s.Name, Municipality = s.Municipality }));
        return response;
    }

    [Roles(ApiRole.ProcessLeader, ApiRole.Administrator)]
    public override async Task<V1.GetSubprojectResponse> GetSubproject(V1.GetSubprojectRequest request, ServerCallContext context)
    {
        var (grain, definition) = await DefinedAsync(context, request.SubprojectId);
        return new V1.GetSubprojectResponse { Subproject = await ViewAsync(request.SubprojectId, grain, definition) };
    }

    [Roles(ApiRole.Administrator)]
    public override async Task<V1.CreateSubprojectResponse> CreateSubproject(V1.CreateSubprojectRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestChecks.RequestId(violations, request.RequestId);
        SubprojectId(violations, request.SubprojectId);
        RequestChecks.Text(violations, request.Name, "name", MaxTextLength);
        RequestChecks.Text(violations, request.Municipality, "municipality", MaxTextLength);
        RequestChecks.Text(violations, request.ProcessLeader, "process_leader", MaxTextLength, required: false);
        RequestChecks.Text(violations, request.Focus, "focus", MaxTextLength, required: false);
        var schools = request.Schools.Select((s, i) =>
        {
            RequestChecks.Text(violations, s.Name, $"schools[{i}].name", MaxTextLength);
            if (s.SchoolUnitCode.Length > 0)
            {
                RequestChecks.SchoolUnitCode(violations, s.SchoolUnitCode, $"schools[{i}].school_unit_code");
            }

            return new SubprojectSchool(s.Name, s.SchoolUnitCode.Length > 0 ? s.SchoolUnitCode : null);
        }).ToList();
        violations.Require(schools.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() == schools.Count, "schools", "name a school twice");
        var areas = request.DevelopmentAreas.Select((a, i) => Enums.Required<V1.DevelopmentArea, DevelopmentArea>(violations, a, $"development_areas[{i}]")).Distinct().ToList();
        var factors = request.SuccessFactors.Select((f, i) => Enums.Required<V1.SuccessFactor, SuccessFactor>(violations, f, $"success_factors[{i}]")).Distinct().ToList();
        violations.ThrowIfAny();

        var definition = new SubprojectDefinition(
            request.Name, request.Municipality, request.ProcessLeader.Length > 0 ? request.ProcessLeader : null, schools, areas, factors, request.Focus.Length > 0 ? request.Focus : null);
        return await calls.OnceAsync(context, request, request.RequestId, async () =>
        {
            var grain = grains.GetGrain<ISubprojectGrain>(request.SubprojectId);
            if (!await grain.Seed(definition))
            {
                throw new RpcException(new Status(StatusCode.AlreadyExists, $"Subproject {request.SubprojectId} exists already; choose another id."));
            }

            await grains.GetGrain<IRegistryGrain>(Registries.Subprojects).AddMissing([new RegistryEntry(request.SubprojectId, definition.Name, definition.Municipality)]);
            return new V1.CreateSubprojectResponse { Subproject = SubprojectMapping.ToApi(request.SubprojectId, definition, null, null) };
        });
    }

    [Roles(ApiRole.ProcessLeader, ApiRole.Administrator)]
    public override async Task<V1.AddSchoolResponse> AddSchool(V1.AddSchoolRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestChecks.RequestId(violations, request.RequestId);
        RequestChecks.Text(violations, request.SchoolName, "school_name", MaxTextLength);
        RequestChecks.SchoolUnitCode(violations, request.SchoolUnitCode);
        violations.ThrowIfAny();

        var (grain, _) = await DefinedAsync(context, request.SubprojectId);
        return await calls.OnceAsync(context, request, request.RequestId, async () =>
        {
            var definition = await grain.AddSchool(request.SchoolName, request.SchoolUnitCode);
            return new V1.AddSchoolResponse { Subproject = await ViewAsync(request.SubprojectId, grain, definition) };
        });
    }

    [Roles(ApiRole.ProcessLeader, ApiRole.Administrator)]
    public override async Task<V1.UpdatePlanResponse> UpdatePlan(V1.UpdatePlanRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestChecks.RequestId(violations, request.RequestId);
        violations.Require(request.Goals.Count <= MaxGoals, "goals", $"must hold at most {MaxGoals} goals");
        var goals = request.Goals.Select((g, i) =>
        {
            RequestChecks.Text(violations, g.GoalId, $"goals[{i}].goal_id", 64);
            RequestChecks.Text(violations, g.Description, $"goals[{i}].description", MaxTextLength);
            violations.Require(double.IsFinite(g.Target) && g.Target >= 0, $"goals[{i}].target", "must be a number of at least 0");
            return new PlanGoal(g.GoalId, g.Description, Enums.Required<V1.ProgressMeasure, ProgressMeasure>(violations, g.Measure, $"goals[{i}].measure"), g.Target);
        }).ToList();
        violations.Require(goals.Select(g => g.Id).Distinct(StringComparer.Ordinal).Count() == goals.Count, "goals", "use a goal_id twice");
        violations.ThrowIfAny();

        var (grain, definition) = await DefinedAsync(context, request.SubprojectId);
        return await calls.OnceAsync(context, request, request.RequestId, async () =>
        {
            await grain.SetPlan(new SubprojectPlan(goals));
            return new V1.UpdatePlanResponse { Subproject = await ViewAsync(request.SubprojectId, grain, definition) };
        });
    }

    [Roles(ApiRole.ProcessLeader, ApiRole.Administrator)]
    public override async Task<V1.RecordBaselineResponse> RecordBaseline(V1.RecordBaselineRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestChecks.RequestId(violations, request.RequestId);
        violations.ThrowIfAny();

        var (grain, _) = await DefinedAsync(context, request.SubprojectId);
        return await calls.OnceAsync(context, request, request.RequestId, async () => SubprojectMapping.ToApi(await grain.TakeBaseline()));
    }

    [Roles(ApiRole.ProcessLeader, ApiRole.Administrator)]
    public override async Task<V1.GetProgressResponse> GetProgress(V1.GetProgressRequest request, ServerCallContext context)
    {
        var (grain, _) = await DefinedAsync(context, request.SubprojectId);
        return SubprojectMapping.ToApi(await ApiCalls.RunAsync(grain.GetProgress));
    }

    [Roles(ApiRole.ProcessLeader, ApiRole.Administrator)]
    public override async Task<V1.ListDigestsResponse> ListDigests(V1.ListDigestsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var paging = PageRequest.Read(violations, request.PageSize, request.PageToken, $"digests|{request.SubprojectId}");
        violations.ThrowIfAny();

        var (grain, _) = await DefinedAsync(context, request.SubprojectId);
        var digests = await ApiCalls.RunAsync(grain.ListDigests);
        var (page, next) = paging.Take(digests);
        var response = new V1.ListDigestsResponse { NextPageToken = next };
        response.Digests.AddRange(page.Select(SubprojectMapping.ToApi));
        return response;
    }

    [Roles(ApiRole.ProcessLeader, ApiRole.Administrator)]
    public override async Task<V1.RestateDigestsResponse> RestateDigests(V1.RestateDigestsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestChecks.RequestId(violations, request.RequestId);
        var since = Dates.Required(violations, request.Since, "since");
        violations.ThrowIfAny();

        var (grain, _) = await DefinedAsync(context, request.SubprojectId);
        return await calls.OnceAsync(context, request, request.RequestId, async () =>
        {
            var response = new V1.RestateDigestsResponse();
            response.Digests.AddRange((await grain.RestateDigests(since)).Select(SubprojectMapping.ToApi));
            return response;
        });
    }

    /// <summary>The subproject's grain and definition, when the id is well formed, the caller acts for it, and it exists.</summary>
    private async Task<(ISubprojectGrain Grain, SubprojectDefinition Definition)> DefinedAsync(ServerCallContext context, string subprojectId)
    {
        var violations = new Violations();
        SubprojectId(violations, subprojectId);
        violations.ThrowIfAny();
        await auditor.RequireAsync(context, CallerInterceptor.Caller(context).MayActForSubproject(subprojectId), null, $"subproject {subprojectId}");

        var grain = grains.GetGrain<ISubprojectGrain>(subprojectId);
        if (await ApiCalls.RunAsync(grain.GetDefinition) is { } definition)
        {
            return (grain, definition);
        }

        throw Violations.One(StatusCode.NotFound, "subproject_id", "no subproject has this id (ListSubprojects lists them)");
    }

    private static async Task<V1.Subproject> ViewAsync(string id, ISubprojectGrain grain, SubprojectDefinition definition) =>
        SubprojectMapping.ToApi(id, definition, await ApiCalls.RunAsync(grain.GetPlan), await ApiCalls.RunAsync(grain.GetBaseline));

    private static void SubprojectId(Violations violations, string id) =>
        violations.Require(SubprojectIdShape().IsMatch(id), "subproject_id", "must be 2–64 lowercase letters, digits and '-', such as alleskolan-vara");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SubprojectIdShape();
}
