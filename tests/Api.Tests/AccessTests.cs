using System.Text;
using Microsoft.Data.Sqlite;
using PlugInnan.Api.V1;
using Grpc.Core;
using static PlugInnan.Api.Tests.Requests;

namespace PlugInnan.Api.Tests;

/// <summary>Who may do what: checked on every call, refusals and reads of student data on record, no civic number anywhere.</summary>
[Collection(ApiSiloDefinition.Name)]
public sealed class AccessTests(ApiSilo silo)
{
    [Fact]
    public async Task A_call_without_a_known_key_is_unauthenticated()
    {
        var none = await FailsAsync(StatusCode.Unauthenticated, () => silo.CallAsync<ListSchoolsRequest, ListSchoolsResponse>("", Schools + "ListSchools", new ListSchoolsRequest()));
        var wrong = await FailsAsync(StatusCode.Unauthenticated, () => silo.CallAsync<ListSchoolsRequest, ListSchoolsResponse>("guess", Schools + "ListSchools", new ListSchoolsRequest()));

        Assert.Empty(none.Concat(wrong));
        Assert.Contains((await silo.AuditAsync()), r => r is { Client: "(unauthenticated)", Outcome: "Unauthenticated", Method: "/pluginnan.v1.SchoolService/ListSchools" });
    }

    [Fact]
    public async Task Each_role_reaches_only_its_part_of_the_API()
    {
        var civicNo = NewCivicNo();
        await Register(ApiSilo.SchoolA);
        await silo.CallAsync<EnrollStudentRequest, EnrollStudentResponse>(ApiSilo.SchoolAKey, Students + "EnrollStudent", Enrol(civicNo, ApiSilo.SchoolA));
        var get = new GetStudentRequest { Student = ByCivicNo(civicNo) };

        await FailsAsync(StatusCode.PermissionDenied, () => silo.CallAsync<GetStudentRequest, GetStudentResponse>(ApiSilo.LeaderKey, Students + "GetStudent", get));
        await FailsAsync(StatusCode.PermissionDenied, () => silo.CallAsync<GetStudentRequest, GetStudentResponse>(ApiSilo.AdminKey, Students + "GetStudent", get));
        await FailsAsync(StatusCode.PermissionDenied, () => silo.CallAsync<CreateSubprojectRequest, CreateSubprojectResponse>(
            ApiSilo.LeaderKey, Subprojects + "CreateSubproject", new CreateSubprojectRequest { RequestId = NewId(), SubprojectId = "new-one", Name = "Nytt", Municipality = "Vara" }));
        await FailsAsync(StatusCode.PermissionDenied, () => silo.CallAsync<GetProgressRequest, GetProgressResponse>(
            ApiSilo.LeaderKey, Subprojects + "GetProgress", new GetProgressRequest { SubprojectId = "bollebygd" })); // not its subproject
        await FailsAsync(StatusCode.PermissionDenied, () => silo.CallAsync<GetSchoolRequest, GetSchoolResponse>(
            ApiSilo.SchoolBKey, Schools + "GetSchool", new GetSchoolRequest { SchoolUnitCode = ApiSilo.SchoolA }));
        await FailsAsync(StatusCode.PermissionDenied, () => silo.CallAsync<ListStudentsRequest, ListStudentsResponse>(
            ApiSilo.SchoolBKey, Students + "ListStudents", new ListStudentsRequest { SchoolUnitCode = ApiSilo.SchoolA }));

        var leaderSees = await silo.CallAsync<ListSubprojectsRequest, ListSubprojectsResponse>(ApiSilo.LeaderKey, Subprojects + "ListSubprojects", new ListSubprojectsRequest());
        Assert.Equal([ApiSilo.LeadersSubproject], leaderSees.Subprojects.Select(s => s.SubprojectId));
        var audit = await silo.AuditAsync();
        Assert.Contains(audit, r => r is { Client: "leader", Outcome: "PermissionDenied", Method: "/pluginnan.v1.StudentService/GetStudent" });
        Assert.Contains(audit, r => r is { Client: "school-b", Outcome: "PermissionDenied", School: ApiSilo.SchoolA });
    }

    [Fact]
    public async Task Another_school_cannot_tell_whether_a_student_exists()
    {
        var civicNo = NewCivicNo();
        await Register(ApiSilo.SchoolA);
        var enrolled = await silo.CallAsync<EnrollStudentRequest, EnrollStudentResponse>(ApiSilo.SchoolAKey, Students + "EnrollStudent", Enrol(civicNo, ApiSilo.SchoolA));

        var existing = await FailsAsync(StatusCode.NotFound, () => silo.CallAsync<GetStudentRequest, GetStudentResponse>(
            ApiSilo.SchoolBKey, Students + "GetStudent", new GetStudentRequest { Student = ByCivicNo(civicNo) }));
        var missing = await FailsAsync(StatusCode.NotFound, () => silo.CallAsync<GetStudentRequest, GetStudentResponse>(
            ApiSilo.SchoolBKey, Students + "GetStudent", new GetStudentRequest { Student = ByCivicNo(NewCivicNo()) }));

        Assert.Equal(existing, missing);
        Assert.Contains(await silo.AuditAsync(), r => r is { Client: "school-b", Outcome: "PermissionDenied" } && r.Students.Contains(enrolled.StudentId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reads_of_student_data_are_audited_by_pseudonymous_id_and_no_civic_number_is_kept_or_logged()
    {
        var civicNo = NewCivicNo();
        await Register(ApiSilo.SchoolA);
        var enrolled = await silo.CallAsync<EnrollStudentRequest, EnrollStudentResponse>(ApiSilo.SchoolAKey, Students + "EnrollStudent", Enrol(civicNo, ApiSilo.SchoolA));
        await silo.CallAsync<GetStudentRequest, GetStudentResponse>(ApiSilo.SchoolAKey, Students + "GetStudent", new GetStudentRequest { Student = ByCivicNo(civicNo) });
        await silo.CallAsync<ListStudentsRequest, ListStudentsResponse>(ApiSilo.SchoolAKey, Students + "ListStudents", new ListStudentsRequest { SchoolUnitCode = ApiSilo.SchoolA });
        await FailsAsync(StatusCode.InvalidArgument, () => silo.CallAsync<EnrollStudentRequest, EnrollStudentResponse>(
            ApiSilo.SchoolAKey, Students + "EnrollStudent", Enrol(civicNo, ApiSilo.SchoolA).Also(r => r.YearLevel = 12)));

        var audit = await silo.AuditAsync();
        Assert.Contains(audit, r => r is { Client: "school-a", Method: "/pluginnan.v1.StudentService/GetStudent", Outcome: "OK", School: ApiSilo.SchoolA } && r.Students == $"[\"{enrolled.StudentId}\"]");
        Assert.Contains(audit, r => r is { Client: "school-a", Method: "/pluginnan.v1.StudentService/ListStudents", Outcome: "OK" } && r.Students.Contains(enrolled.StudentId, StringComparison.Ordinal));

        SqliteConnection.ClearAllPools();
        var stored = string.Concat(Directory.GetFiles(Path.GetDirectoryName(silo.DatabasePath)!).Select(f => Encoding.Latin1.GetString(ReadShared(f))));
        foreach (var form in new[] { civicNo, civicNo.Replace("-", "", StringComparison.Ordinal), civicNo[2..] })
        {
            Assert.DoesNotContain(form, silo.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(form, stored, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_development_key_works_only_from_this_machine_and_every_method_has_access_rules()
    {
        var schools = await silo.CallAsync<ListSchoolsRequest, ListSchoolsResponse>("local-development-key", Schools + "ListSchools", new ListSchoolsRequest());
        var methods = new[] { StudentServiceReflection.Descriptor, SchoolServiceReflection.Descriptor, SubprojectServiceReflection.Descriptor, FollowUpServiceReflection.Descriptor }
            .SelectMany(f => f.Services).SelectMany(s => s.Methods).Select(m => $"{m.Service.Name}/{m.Name}").Order();

        Assert.NotNull(schools);
        Assert.Equal(methods, RuledMethods().Order());
        Assert.Null(new Access.ApiClients(Microsoft.Extensions.Options.Options.Create(new ApiOptions
        {
            Clients = [new ApiClientOptions { Name = "dev", KeySha256 = Access.ApiClients.Hash("local-development-key"), Roles = [Access.ApiRole.SchoolSystem], LoopbackOnly = true }],
        })).Find("local-development-key", fromLoopback: false));
        Assert.Throws<InvalidOperationException>(() => new Access.ApiClients(Microsoft.Extensions.Options.Options.Create(new ApiOptions
        {
            Clients = [new ApiClientOptions { Name = "dev", KeySha256 = Access.ApiClients.Hash("local-development-key"), Roles = [Access.ApiRole.SchoolSystem] }],
        })));
    }

    /// <summary>Every method the four services override, as Service/Method, if it carries its roles.</summary>
    private static IEnumerable<string> RuledMethods() =>
        new[] { typeof(Services.StudentApi), typeof(Services.SchoolApi), typeof(Services.SubprojectApi), typeof(Services.FollowUpApi) }
            .SelectMany(t => t.GetMethods().Where(m => m.DeclaringType == t && m.GetBaseDefinition().DeclaringType != t))
            .Where(m => m.GetCustomAttributes(typeof(Access.RolesAttribute), inherit: false).Length == 1)
            .Select(m => $"{m.GetBaseDefinition().DeclaringType!.DeclaringType!.Name}/{m.Name}");

    private static byte[] ReadShared(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray();
    }

    private async Task Register(string school) =>
        await silo.CallAsync<RegisterSchoolRequest, RegisterSchoolResponse>(ApiSilo.AdminKey, Schools + "RegisterSchool", School(school));
}
