using Grpc.Core;
using Google.Protobuf.Reflection;
using Orleans;
using PlugInnan.Api.Access;
using PlugInnan.Api.Calls;
using PlugInnan.Api.Identity;
using PlugInnan.Api.Mapping;
using PlugInnan.Grains;
using PlugInnan.Grains.Identity;
using V1 = PlugInnan.Api.V1;

namespace PlugInnan.Api.Services;

/// <summary>pluginnan.v1.StudentService: checks each request as a whole, then calls the student grains.</summary>
public sealed partial class StudentApi(IGrainFactory grains, Students students, ApiCalls calls, Auditor auditor) : V1.StudentService.StudentServiceBase
{
    private const int MaxClassLength = 50;
    private const int MaxMentorLength = 100;

    [Roles(ApiRole.SchoolSystem)]
    public override async Task<V1.EnrollStudentResponse> EnrollStudent(V1.EnrollStudentRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestChecks.RequestId(violations, request.RequestId);
        var id = students.IdOf(violations, request.CivicNo, "civic_no", out var kind);
        RequestChecks.SchoolUnitCode(violations, request.SchoolUnitCode);
        violations.Require(request.YearLevel is >= 0 and <= 10, "year_level", "must be 0–10");
        RequestChecks.Text(violations, request.ClassName, "class_name", MaxClassLength, required: false);
        RequestChecks.Text(violations, request.Mentor, "mentor", MaxMentorLength, required: false);
        var start = Dates.Required(violations, request.StartDate, "start_date");
        var end = Dates.Optional(violations, request.EndDate, "end_date");
        violations.Require(end is null || end >= start, "end_date", "must not be before start_date");
        var marking = Enums.Required<V1.SecurityMarking, SecurityMarking>(violations, request.SecurityMarking, "security_marking");
        violations.ThrowIfAny();

        await RequireSchoolOfStudentsAsync(context, request.SchoolUnitCode);
        var enrolment = new Enrolment(
            request.SchoolUnitCode, request.YearLevel, NullIfEmpty(request.ClassName), NullIfEmpty(request.Mentor), start, end, marking, kind == CivicNumberKind.Temporary);
        return await calls.OnceAsync(context, request, request.RequestId, async () =>
        {
            await grains.GetGrain<IStudentGrain>(id!).Enroll(enrolment);
            return new V1.EnrollStudentResponse
            {
                StudentId = id,
                CivicNoKind = Enums.ToApi<CivicNumberKind, V1.CivicNumberKind>(kind),
                TemporaryIdentity = kind == CivicNumberKind.Temporary,
            };
        });
    }

    [Roles(ApiRole.SchoolSystem)]
    public override async Task<V1.GetStudentResponse> GetStudent(V1.GetStudentRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var id = students.IdOf(violations, request.Student, "student");
        violations.ThrowIfAny();

        var enrolment = await students.ReachableAsync(context, id);
        var profile = await ApiCalls.RunAsync(() => grains.GetGrain<IStudentGrain>(id).GetProfile());
        await auditor.ReadAsync(context, enrolment.SchoolUnitCode, [id]); // on record before the answer leaves
        return new V1.GetStudentResponse { Student = StudentMapping.ToApi(profile) };
    }

    [Roles(ApiRole.SchoolSystem)]
    public override async Task<V1.ListStudentsResponse> ListStudents(V1.ListStudentsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestChecks.SchoolUnitCode(violations, request.SchoolUnitCode);
        var levels = request.RiskLevels.Select((l, i) => Enums.Required<V1.RiskLevel, RiskLevel>(violations, l, $"risk_levels[{i}]")).ToHashSet();
        for (var i = 0; i < request.YearLevels.Count; i++)
        {
            violations.Require(request.YearLevels[i] is >= 0 and <= 10, $"year_levels[{i}]", "must be 0–10");
        }

        var paging = PageRequest.Read(
            violations, request.PageSize, request.PageToken, $"{request.SchoolUnitCode}|{string.Join(',', levels.Order())}|{string.Join(',', request.YearLevels.Order())}");
        violations.ThrowIfAny();

        await RequireSchoolOfStudentsAsync(context, request.SchoolUnitCode);
        var roster = await ApiCalls.RunAsync(() => grains.GetGrain<ISchoolGrain>(request.SchoolUnitCode).GetRoster());
        var matching = roster
            .Where(s => levels.Count == 0 || levels.Contains(s.Risk))
            .Where(s => request.YearLevels.Count == 0 || request.YearLevels.Contains(s.YearLevel))
            .ToList();
        var (page, next) = paging.Take(matching);
        await auditor.ReadAsync(context, request.SchoolUnitCode, [.. page.Select(s => s.StudentId)]);
        var response = new V1.ListStudentsResponse { NextPageToken = next, TotalSize = matching.Count };
        response.Students.AddRange(page.Select(StudentMapping.ToApi));
        return response;
    }

    /// <summary>The school must be registered, and the caller must act for it as its school system.</summary>
    private async Task RequireSchoolOfStudentsAsync(ServerCallContext context, string schoolUnitCode)
    {
        if (await ApiCalls.RunAsync(() => grains.GetGrain<ISchoolGrain>(schoolUnitCode).GetProfile()) is null)
        {
            throw Violations.One(StatusCode.NotFound, "school_unit_code", "no school unit with this code is registered (SchoolService.RegisterSchool)");
        }

        await auditor.RequireAsync(context, CallerInterceptor.Caller(context).MayReachStudentsOf(schoolUnitCode), schoolUnitCode, $"school unit {schoolUnitCode}");
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
