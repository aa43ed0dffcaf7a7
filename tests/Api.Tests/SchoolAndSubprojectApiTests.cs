using PlugInnan.Api.V1;
using Grpc.Core;
using static PlugInnan.Api.Tests.Requests;

namespace PlugInnan.Api.Tests;

/// <summary>SchoolService and SubprojectService through the real silo process.</summary>
[Collection(ApiSiloDefinition.Name)]
public sealed class SchoolAndSubprojectApiTests(ApiSilo silo)
{
    [Fact]
    public async Task A_school_keeps_its_routines_and_calendar_and_shows_its_figures()
    {
        const string code = "44444440";
        await Admin<RegisterSchoolRequest, RegisterSchoolResponse>(Schools + "RegisterSchool", School(code, "Hagaskolan"));
        var routines = new RoutineSettings
        {
            AbsenceWindowDays = 14, AbsenceWatchRate = 0.05, AbsenceHighRate = 0.15, ConsecutiveAbsenceDaysWatch = 2, ConnectednessWatch = 3,
            TransitionWeeks = 8, GuardianNoticeByMinute = 15 * 60, InvestigationReportDays = 5,
        };
        await Admin<UpdateRoutinesRequest, UpdateRoutinesResponse>(Schools + "UpdateRoutines", new UpdateRoutinesRequest { RequestId = NewId(), SchoolUnitCode = code, Routines = routines });
        var calendar = new UpdateCalendarRequest
        {
            RequestId = NewId(), SchoolUnitCode = code,
            Terms = { new Term { Semester = Semester.Autumn, Year = Today.Year, Start = Date(Today.AddDays(-90)), End = Date(Today.AddDays(30)) } },
            DaysOff = { Date(Today.AddDays(-20)) },
        };
        await Admin<UpdateCalendarRequest, UpdateCalendarResponse>(Schools + "UpdateCalendar", calendar);
        var student = await silo.CallAsync<EnrollStudentRequest, EnrollStudentResponse>("local-development-key", Students + "EnrollStudent", Enrol(NewCivicNo(), code));
        await silo.CallAsync<RecordAttendanceRequest, RecordAttendanceResponse>("local-development-key", Students + "RecordAttendance", new RecordAttendanceRequest
        {
            Records = { Lesson(ById(student.StudentId), Today.AddDays(-1), "MA-1", attended: 54, invalid: 6), Lesson(ById(student.StudentId), Today.AddDays(-1), "SV-1") },
        });

        var school = await Admin<GetSchoolRequest, GetSchoolResponse>(Schools + "GetSchool", new GetSchoolRequest { SchoolUnitCode = code });
        var missing = await FailsAsync(StatusCode.NotFound, () => Admin<GetSchoolRequest, GetSchoolResponse>(Schools + "GetSchool", new GetSchoolRequest { SchoolUnitCode = "44444449" }));
        var listed = await Admin<ListSchoolsRequest, ListSchoolsResponse>(Schools + "ListSchools", new ListSchoolsRequest { PageSize = 1000 });

        Assert.Equal(routines, school.Routines);
        Assert.Equal(calendar.Terms, school.Terms);
        Assert.Equal((1, 1, 1 - (6 / 120.0)), (school.Figures.Students, school.Figures.RiskWatch, school.Figures.AttendanceRate)); // 5 % against the school's 5 % watch rate
        Assert.Equal(["school_unit_code"], missing);
        Assert.Contains(listed.Schools, s => s is { SchoolUnitCode: code, Name: "Hagaskolan" });
    }

    [Fact]
    public async Task The_22_seeded_subprojects_are_listed_and_a_new_one_gets_schools_a_plan_a_baseline_and_progress()
    {
        var all = await Admin<ListSubprojectsRequest, ListSubprojectsResponse>(Subprojects + "ListSubprojects", new ListSubprojectsRequest { PageSize = 20 });
        var rest = await Admin<ListSubprojectsRequest, ListSubprojectsResponse>(Subprojects + "ListSubprojects", new ListSubprojectsRequest { PageSize = 20, PageToken = all.NextPageToken });
        Assert.True(all.Subprojects.Count + rest.Subprojects.Count >= 22);
        Assert.Contains(all.Subprojects.Concat(rest.Subprojects), s => s is { SubprojectId: "grabo-lerum", Name: "Gråbo skolenhet", Municipality: "Lerum" });

        const string school = "55555550";
        var id = $"test-{Guid.NewGuid():N}"[..20];
        await Admin<RegisterSchoolRequest, RegisterSchoolResponse>(Schools + "RegisterSchool", School(school));
        var create = new CreateSubprojectRequest
        {
            RequestId = NewId(), SubprojectId = id, Name = "Provprojekt", Municipality = "Vara", ProcessLeader = "Processledare GR",
            DevelopmentAreas = { DevelopmentArea.FollowUpOfRiskIndicators }, SuccessFactors = { SuccessFactor.TrackingAndFollowUp },
            Schools = { new SubprojectSchool { Name = "Provskolan" } },
        };
        await Admin<CreateSubprojectRequest, CreateSubprojectResponse>(Subprojects + "CreateSubproject", create);
        var twice = await FailsAsync(StatusCode.AlreadyExists, () => Admin<CreateSubprojectRequest, CreateSubprojectResponse>(Subprojects + "CreateSubproject", create.Clone().Also(c => c.RequestId = NewId())));
        var linked = await Admin<AddSchoolRequest, AddSchoolResponse>(Subprojects + "AddSchool", new AddSchoolRequest { RequestId = NewId(), SubprojectId = id, SchoolName = "provskolan", SchoolUnitCode = school });
        await Admin<UpdatePlanRequest, UpdatePlanResponse>(Subprojects + "UpdatePlan", new UpdatePlanRequest
        {
            RequestId = NewId(), SubprojectId = id, Goals = { new Goal { GoalId = "närvaro", Description = "Högre närvaro", Measure = ProgressMeasure.AttendanceRate, Target = 0.95 } },
        });
        var students = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            students.Add((await silo.CallAsync<EnrollStudentRequest, EnrollStudentResponse>("local-development-key", Students + "EnrollStudent", Enrol(NewCivicNo(), school))).StudentId);
            await Attend(students[^1], Today.AddDays(-2), absent: i < 3);
        }

        var baseline = await Admin<RecordBaselineRequest, RecordBaselineResponse>(Subprojects + "RecordBaseline", new RecordBaselineRequest { RequestId = NewId(), SubprojectId = id });
        foreach (var student in students)
        {
            await Attend(student, Today.AddDays(-1), absent: false);
        }

        var progress = await Admin<GetProgressRequest, GetProgressResponse>(Subprojects + "GetProgress", new GetProgressRequest { SubprojectId = id });

        Assert.Empty(twice); // ALREADY_EXISTS names no field: the id is fine, it is taken
        Assert.Equal(school, Assert.Single(linked.Subproject.Schools).SchoolUnitCode);
        Assert.Equal(0.5, baseline.Measures.Single(m => m.Measure == ProgressMeasure.AttendanceRate).Value.Value, 6);
        var attendance = Assert.Single(progress.Measures);
        Assert.Equal((ProgressMeasure.AttendanceRate, 0.5, 0.75, 0.25, false), (attendance.Measure, attendance.Baseline.Value, attendance.Current.Value, attendance.Change.Value, attendance.TargetMet));
        Assert.Equal((true, true, false), (progress.StudentsPerRiskLevel.High.Suppressed, progress.StudentsPerRiskLevel.None.Suppressed, progress.StudentsPerRiskLevel.Total.Suppressed)); // 3 and 3: each too small alone
        Assert.Equal(6, progress.StudentsPerRiskLevel.Total.Value);

        // Past weeks restated: one digest per Monday since the day asked, this week's left to the scheduler.
        var thisMonday = Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7));
        var schoolYearStart = new DateOnly(Today.Month >= 7 ? Today.Year : Today.Year - 1, 7, 1);
        var since = Today.AddDays(-21) > schoolYearStart ? Today.AddDays(-21) : schoolYearStart;
        var mondays = Enumerable.Range(0, 28).Select(since.AddDays).Where(d => d.DayOfWeek == DayOfWeek.Monday && d < thisMonday).ToList();
        var restated = await Admin<RestateDigestsRequest, RestateDigestsResponse>(Subprojects + "RestateDigests", new RestateDigestsRequest { RequestId = NewId(), SubprojectId = id, Since = Date(since) });
        var again = await Admin<RestateDigestsRequest, RestateDigestsResponse>(Subprojects + "RestateDigests", new RestateDigestsRequest { RequestId = NewId(), SubprojectId = id, Since = Date(since) });
        var listed = await Admin<ListDigestsRequest, ListDigestsResponse>(Subprojects + "ListDigests", new ListDigestsRequest { SubprojectId = id });
        var thisWeek = await FailsAsync(StatusCode.InvalidArgument, () => Admin<RestateDigestsRequest, RestateDigestsResponse>(Subprojects + "RestateDigests", new RestateDigestsRequest { RequestId = NewId(), SubprojectId = id, Since = Date(thisMonday) }));

        Assert.Equal(mondays.Select(IsoWeek), restated.Digests.Select(d => d.Week));
        Assert.All(restated.Digests.Zip(mondays), p => Assert.True(p.First.Restated && p.First.Progress.AsOf.Equals(Date(p.Second)), p.First.ToString()));
        Assert.Empty(again.Digests);
        Assert.Equal(mondays.Select(IsoWeek).Reverse(), listed.Digests.Select(d => d.Week));
        Assert.Equal(["since"], thisWeek);
    }

    private static string IsoWeek(DateOnly day) =>
        $"{System.Globalization.ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{System.Globalization.ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}";

    private async Task Attend(string student, DateOnly day, bool absent) =>
        await silo.CallAsync<RecordAttendanceRequest, RecordAttendanceResponse>("local-development-key", Students + "RecordAttendance", new RecordAttendanceRequest
        {
            Records = { Lesson(ById(student), day, "MA-1", attended: absent ? 0 : 60, valid: absent ? 60 : 0) },
        });

    private Task<TResponse> Admin<TRequest, TResponse>(string method, TRequest request)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new() =>
        silo.CallAsync<TRequest, TResponse>(ApiSilo.AdminKey, method, request);
}
