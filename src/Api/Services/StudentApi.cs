using Google.Protobuf.Reflection;
using Orleans;
using PlugInnan.Api.Access;
using PlugInnan.Api.Calls;
using PlugInnan.Api.Identity;
using PlugInnan.Api.Mapping;
using PlugInnan.Grains;
using PlugInnan.Grains.Identity;
using PlugInnan.Grpc;
using V1 = PlugInnan.Api.V1;

namespace PlugInnan.Api.Services;

/// <summary>pluginnan.v1.StudentService: checks each request as a whole, then calls the student grains.</summary>
public sealed partial class StudentApi(IGrainFactory grains, Students students, ApiCalls calls, Auditor auditor) : IGrpcService
{
    private const int MaxClassLength = 50;
    private const int MaxMentorLength = 100;

    public ServiceDescriptor Descriptor => V1.StudentServiceReflection.Descriptor.Services[0];

    public void Bind(GrpcServiceBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .Unary<V1.EnrollStudentRequest, V1.EnrollStudentResponse>("EnrollStudent", EnrollAsync)
            .Unary<V1.RecordAttendanceRequest, V1.RecordAttendanceResponse>("RecordAttendance", RecordAttendanceAsync)
            .ClientStreaming<V1.StreamAttendanceRequest, V1.StreamAttendanceResponse>("StreamAttendance", StreamAttendanceAsync)
            .Unary<V1.RecordGradesRequest, V1.RecordGradesResponse>("RecordGrades", RecordGradesAsync)
            .Unary<V1.RecordSubjectAlertRequest, V1.RecordSubjectAlertResponse>("RecordSubjectAlert", RecordSubjectAlertAsync)
            .Unary<V1.RecordConnectednessRequest, V1.RecordConnectednessResponse>("RecordConnectedness", RecordConnectednessAsync)
            .Unary<V1.CreateInterventionRequest, V1.CreateInterventionResponse>("CreateIntervention", CreateInterventionAsync)
            .Unary<V1.UpdateInterventionRequest, V1.UpdateInterventionResponse>("UpdateIntervention", UpdateInterventionAsync)
            .Unary<V1.RecordGuardianContactRequest, V1.RecordGuardianContactResponse>("RecordGuardianContact", RecordGuardianContactAsync)
            .Unary<V1.OpenAbsenceInvestigationRequest, V1.OpenAbsenceInvestigationResponse>("OpenAbsenceInvestigation", OpenAbsenceInvestigationAsync)
            .Unary<V1.ReportAbsenceInvestigationRequest, V1.ReportAbsenceInvestigationResponse>("ReportAbsenceInvestigation", ReportAbsenceInvestigationAsync)
            .Unary<V1.CloseAbsenceInvestigationRequest, V1.CloseAbsenceInvestigationResponse>("CloseAbsenceInvestigation", CloseAbsenceInvestigationAsync)
            .Unary<V1.RecordHandoverRequest, V1.RecordHandoverResponse>("RecordHandover", RecordHandoverAsync)
            .Unary<V1.GetStudentRequest, V1.GetStudentResponse>("GetStudent", GetStudentAsync)
            .Unary<V1.ListStudentsRequest, V1.ListStudentsResponse>("ListStudents", ListStudentsAsync);
    }

    private async Task<V1.EnrollStudentResponse> EnrollAsync(V1.EnrollStudentRequest request, ServerCallContext context)
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
        var marking = Enums.Marking(violations, request.SecurityMarking, "security_marking");
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
                CivicNoKind = (V1.CivicNumberKind)((int)kind + 1),
                TemporaryIdentity = kind == CivicNumberKind.Temporary,
            };
        });
    }

    private async Task<V1.GetStudentResponse> GetStudentAsync(V1.GetStudentRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var id = students.IdOf(violations, request.Student, "student");
        violations.ThrowIfAny();

        var enrolment = await students.ReachableAsync(context, id);
        var profile = await ApiCalls.RunAsync(() => grains.GetGrain<IStudentGrain>(id).GetProfile());
        await auditor.ReadAsync(context, enrolment.SchoolUnitCode, [id]); // on record before the answer leaves
        return new V1.GetStudentResponse { Student = StudentMapping.ToApi(profile) };
    }

    private async Task<V1.ListStudentsResponse> ListStudentsAsync(V1.ListStudentsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestChecks.SchoolUnitCode(violations, request.SchoolUnitCode);
        var levels = request.RiskLevels.Select((l, i) => Enums.Risk(violations, l, $"risk_levels[{i}]")).OfType<RiskLevel>().ToHashSet();
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
