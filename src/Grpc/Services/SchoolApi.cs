using Grpc.Core;
using Google.Protobuf.Reflection;
using Orleans;
using PlugInnan.Api.Access;
using PlugInnan.Api.Calls;
using PlugInnan.Api.Mapping;
using PlugInnan.Grains;
using V1 = PlugInnan.Api.V1;

namespace PlugInnan.Api.Services;

/// <summary>pluginnan.v1.SchoolService: school units, their settings, calendar and figures.</summary>
public sealed class SchoolApi(IGrainFactory grains, ApiCalls calls, Auditor auditor) : V1.SchoolService.SchoolServiceBase
{
    private const int MaxTextLength = 200;

    [Roles(ApiRole.SchoolSystem, ApiRole.Administrator)]
    public override async Task<V1.RegisterSchoolResponse> RegisterSchool(V1.RegisterSchoolRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestChecks.RequestId(violations, request.RequestId);
        var school = request.School;
        if (violations.Require(school is not null, "school", "is required"))
        {
            RequestChecks.SchoolUnitCode(violations, school!.SchoolUnitCode, "school.school_unit_code");
            RequestChecks.Text(violations, school.Name, "school.name", MaxTextLength);
            violations.Require(school.MunicipalityCode.Length == 4 && school.MunicipalityCode.All(char.IsAsciiDigit), "school.municipality_code", "must be a 4-digit municipality code (kommunkod)");
            RequestChecks.Text(violations, school.Municipality, "school.municipality", MaxTextLength);
            RequestChecks.Text(violations, school.Organiser, "school.organiser", MaxTextLength);
        }

        violations.ThrowIfAny();
        await RequireActingForAsync(context, school!.SchoolUnitCode);
        var profile = new SchoolProfile(school.Name, school.MunicipalityCode, school.Municipality, school.Organiser);
        return await calls.OnceAsync(context, request, request.RequestId, async () =>
        {
            await grains.GetGrain<ISchoolGrain>(school.SchoolUnitCode).Configure(profile);
            await grains.GetGrain<IRegistryGrain>(Registries.Schools).Put(new RegistryEntry(school.SchoolUnitCode, profile.Name, profile.Municipality));
            return new V1.RegisterSchoolResponse { School = SchoolMapping.ToApi(school.SchoolUnitCode, profile) };
        });
    }

    [Roles(ApiRole.SchoolSystem, ApiRole.Administrator)]
    public override async Task<V1.GetSchoolResponse> GetSchool(V1.GetSchoolRequest request, ServerCallContext context)
    {
        var school = await RegisteredAsync(context, request.SchoolUnitCode);
        var grain = grains.GetGrain<ISchoolGrain>(request.SchoolUnitCode);
        var settings = await ApiCalls.RunAsync(grain.GetSettings);
        var figures = await ApiCalls.RunAsync(grain.GetFigures);
        var response = new V1.GetSchoolResponse
        {
            School = SchoolMapping.ToApi(request.SchoolUnitCode, school),
            Routines = SchoolMapping.ToApi(settings.Routines),
            Figures = SchoolMapping.ToApi(figures),
        };
        response.Terms.AddRange(settings.Calendar.Terms.Select(SchoolMapping.ToApi));
        response.DaysOff.AddRange(settings.Calendar.DaysOff.Select(d => Dates.ToProto(d)));
        return response;
    }

    [Roles(ApiRole.SchoolSystem, ApiRole.Administrator)]
    public override async Task<V1.UpdateRoutinesResponse> UpdateRoutines(V1.UpdateRoutinesRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestChecks.RequestId(violations, request.RequestId);
        RequestChecks.SchoolUnitCode(violations, request.SchoolUnitCode);
        var routines = SchoolMapping.ToDomain(violations, request.Routines);
        violations.ThrowIfAny();

        await RegisteredAsync(context, request.SchoolUnitCode);
        return await calls.OnceAsync(
            context,
            request,
            request.RequestId,
            async () =>
            {
                await grains.GetGrain<ISchoolGrain>(request.SchoolUnitCode).SetRoutines(routines);
                return new V1.UpdateRoutinesResponse { Routines = SchoolMapping.ToApi(routines) };
            },
            Prefixed("routines", "absence_window_days", "absence_watch_rate", "absence_high_rate", "consecutive_absence_days_watch", "connectedness_watch", "transition_weeks", "investigation_report_days"));
    }

    [Roles(ApiRole.SchoolSystem, ApiRole.Administrator)]
    public override async Task<V1.UpdateCalendarResponse> UpdateCalendar(V1.UpdateCalendarRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestChecks.RequestId(violations, request.RequestId);
        RequestChecks.SchoolUnitCode(violations, request.SchoolUnitCode);
        var terms = request.Terms.Select((t, i) => new TermDates(
            new SchoolTerm(t.Year, Enums.Required<V1.Semester, Semester>(violations, t.Semester, $"terms[{i}].semester")),
            Dates.Required(violations, t.Start, $"terms[{i}].start"),
            Dates.Required(violations, t.End, $"terms[{i}].end"))).ToList();
        var daysOff = request.DaysOff.Select((d, i) => Dates.Required(violations, d, $"days_off[{i}]")).ToList();
        violations.ThrowIfAny();

        await RegisteredAsync(context, request.SchoolUnitCode);
        return await calls.OnceAsync(context, request, request.RequestId, async () =>
        {
            await grains.GetGrain<ISchoolGrain>(request.SchoolUnitCode).SetCalendar(new SchoolCalendar(terms, daysOff));
            return new V1.UpdateCalendarResponse();
        });
    }

    [Roles(ApiRole.SchoolSystem, ApiRole.Administrator)]
    public override async Task<V1.ListSchoolsResponse> ListSchools(V1.ListSchoolsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var paging = PageRequest.Read(violations, request.PageSize, request.PageToken, "schools");
        violations.ThrowIfAny();

        var caller = CallerInterceptor.Caller(context);
        var visible = (await ApiCalls.RunAsync(grains.GetGrain<IRegistryGrain>(Registries.Schools).List))
            .Where(s => caller.MayActForSchool(s.Id))
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        var (page, next) = paging.Take(visible);
        var profiles = await Task.WhenAll(page.Select(s => ApiCalls.RunAsync(grains.GetGrain<ISchoolGrain>(s.Id).GetProfile)));
        var response = new V1.ListSchoolsResponse { NextPageToken = next };
        response.Schools.AddRange(page.Zip(profiles).Where(p => p.Second is not null).Select(p => SchoolMapping.ToApi(p.First.Id, p.Second!)));
        return response;
    }

    /// <summary>The school's profile, when the code is well formed, the caller acts for it, and it is registered.</summary>
    private async Task<SchoolProfile> RegisteredAsync(ServerCallContext context, string schoolUnitCode)
    {
        var violations = new Violations();
        RequestChecks.SchoolUnitCode(violations, schoolUnitCode);
        violations.ThrowIfAny();
        await RequireActingForAsync(context, schoolUnitCode);
        if (await ApiCalls.RunAsync(grains.GetGrain<ISchoolGrain>(schoolUnitCode).GetProfile) is { } profile)
        {
            return profile;
        }

        throw Violations.One(StatusCode.NotFound, "school_unit_code", "no school unit with this code is registered (RegisterSchool)");
    }

    private Task RequireActingForAsync(ServerCallContext context, string schoolUnitCode) =>
        auditor.RequireAsync(context, CallerInterceptor.Caller(context).MayActForSchool(schoolUnitCode), schoolUnitCode, $"school unit {schoolUnitCode}");

    private static Dictionary<string, string> Prefixed(string prefix, params string[] fields) =>
        fields.ToDictionary(f => f, f => $"{prefix}.{f}", StringComparer.Ordinal);
}
