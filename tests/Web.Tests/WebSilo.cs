using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using PlugInnan.Api.V1;
using PlugInnan.TestSupport;

namespace PlugInnan.Web.Tests;

/// <summary>
/// One real silo process for the page tests, with three web accounts and a small region filled through
/// the public API: subproject webb-a (school A with 12 students, school B with 3) with a baseline,
/// interventions due today and weekly digests; subproject webb-b (school C). The jobs run every few
/// seconds so follow-ups and digests exist before the first test.
/// </summary>
public sealed class WebSilo : IAsyncLifetime
{
    public const string SchoolA = "73000001";
    public const string SchoolB = "73000002";
    public const string SchoolC = "73000003";
    public const string Owner = "Agnes Ödmark";
    public static readonly (string Name, string Key) LeaderA = ("ledare-a", "leader-a-key-of-at-least-32-characters");
    public static readonly (string Name, string Key) LeaderB = ("ledare-b", "leader-b-key-of-at-least-32-characters");
    public static readonly (string Name, string Key) PrincipalA = ("rektor-a", "principal-a-key-of-at-least-32-chars");
    private const string ApiKey = "local-development-key";
    private static int serial;
    private readonly string folder = Directory.CreateTempSubdirectory("pluginnan-web-").FullName;
    private SiloProcess? silo;

    public FakeIdentityProvider IdentityProvider { get; private set; } = null!;

    /// <summary>The silo's public API, for comparing the pages with what it answers.</summary>
    public GrpcClient Api { get; private set; } = null!;

    /// <summary>Calls with the development key: an administrator of the API.</summary>
    public static Grpc.Core.CallOptions ApiCall => GrpcClient.Bearer(ApiKey);

    /// <summary>The silo's last warnings and errors, for a failing test's output.</summary>
    public string OutputTail => string.Join('\n', (silo?.Output ?? "").Split('\n').Where(l => !l.Contains(" info: ", StringComparison.Ordinal)).TakeLast(60));

    public string BaseUrl => $"http://127.0.0.1:{silo!.OperatorPort.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>What must never appear on a page: the students' civic numbers and ids, and the intervention owner's name.</summary>
    public List<string> Personal { get; } = [Owner];

    public async Task InitializeAsync()
    {
        IdentityProvider = await FakeIdentityProvider.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["Silo__Scheduling__InterventionFollowUpCron"] = "*/2 * * * * *",
            ["Silo__Scheduling__WeeklyDigestCron"] = "*/3 * * * * *",
            ["Web__OpenIdConnect__Authority"] = IdentityProvider.Authority,
            ["Web__OpenIdConnect__ClientId"] = FakeIdentityProvider.ClientId,
            ["Web__OpenIdConnect__ClientSecret"] = FakeIdentityProvider.ClientSecret,
            ["Web__OpenIdConnect__DisplayName"] = "Testkommunen",
            ["Web__OpenIdConnect__RequireHttpsMetadata"] = "false",
        };
        Account(environment, 0, LeaderA, "ProcessLeader", subprojects: ["webb-a"]);
        Account(environment, 1, LeaderB, "ProcessLeader", subprojects: ["webb-b"]);
        Account(environment, 2, PrincipalA, "SchoolLeader", schools: [SchoolA]);
        silo = SiloProcess.Start(folder, environment);
        await silo.WaitForOutputAsync("Plug Innan silo ready");
        var api = Api = new GrpcClient(new Uri($"http://127.0.0.1:{silo.GrpcPort.ToString(CultureInfo.InvariantCulture)}"));
        var options = ApiCall;
        const string schools = "/pluginnan.v1.SchoolService/";
        const string students = "/pluginnan.v1.StudentService/";
        const string subprojects = "/pluginnan.v1.SubprojectService/";

        foreach (var (code, name) in new[] { (SchoolA, "Äppelskolan"), (SchoolB, "Björkskolan"), (SchoolC, "Cederskolan") })
        {
            await api.UnaryAsync<RegisterSchoolRequest, RegisterSchoolResponse>(schools + "RegisterSchool", new RegisterSchoolRequest
            {
                RequestId = NewId(),
                School = new School { SchoolUnitCode = code, Name = name, MunicipalityCode = "1442", Municipality = "Vara", Organiser = "Vara kommun" },
            }, options);
        }

        foreach (var (id, name, members) in new[] { ("webb-a", "Webbprojekt A", new[] { (SchoolA, "Äppelskolan"), (SchoolB, "Björkskolan") }), ("webb-b", "Webbprojekt B", new[] { (SchoolC, "Cederskolan") }) })
        {
            var create = new CreateSubprojectRequest { RequestId = NewId(), SubprojectId = id, Name = name, Municipality = "Vara", ProcessLeader = "Processledare" };
            create.Schools.AddRange(members.Select(m => new SubprojectSchool { Name = m.Item2, SchoolUnitCode = m.Item1 }));
            await api.UnaryAsync<CreateSubprojectRequest, CreateSubprojectResponse>(subprojects + "CreateSubproject", create, options);
        }

        var today = DateOnly.FromDateTime(DateTime.Now);
        foreach (var (code, count) in new[] { (SchoolA, 12), (SchoolB, 3), (SchoolC, 6) })
        {
            for (var i = 0; i < count; i++)
            {
                var civicNo = NewCivicNo();
                var enrolled = await api.UnaryAsync<EnrollStudentRequest, EnrollStudentResponse>(students + "EnrollStudent", new EnrollStudentRequest
                {
                    RequestId = NewId(), CivicNo = civicNo, SchoolUnitCode = code, YearLevel = 7 + (i % 3), ClassName = "7A",
                    StartDate = Date(today.AddDays(-60)), SecurityMarking = SecurityMarking.None,
                }, options);
                Personal.AddRange([civicNo, enrolled.StudentId]);
                var record = new RecordAttendanceRequest();
                record.Records.Add(new LessonRecord
                {
                    Student = new StudentRef { StudentId = enrolled.StudentId }, Date = Date(today.AddDays(-1)), LessonId = "MA-1", ScheduledMinutes = 60,
                    AttendedMinutes = i % 4 == 0 ? 0 : 60, InvalidAbsenceMinutes = i % 4 == 0 ? 60 : 0,
                });
                await api.UnaryAsync<RecordAttendanceRequest, RecordAttendanceResponse>(students + "RecordAttendance", record, options);
                if (code == SchoolA && i < 6)
                {
                    await api.UnaryAsync<CreateInterventionRequest, CreateInterventionResponse>(students + "CreateIntervention", new CreateInterventionRequest
                    {
                        RequestId = NewId(), Student = new StudentRef { StudentId = enrolled.StudentId }, Level = PreventionLevel.Targeted, Area = DevelopmentArea.Relationships,
                        Description = "Mentorssamtal", Owner = Owner, StartDate = Date(today.AddDays(-14)), FollowUpDate = Date(today),
                    }, options);
                }
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(3)); // the schools' rosters are written behind within 2 s
        await api.UnaryAsync<RecordBaselineRequest, RecordBaselineResponse>(subprojects + "RecordBaseline", new RecordBaselineRequest { RequestId = NewId(), SubprojectId = "webb-a" }, options);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await api.UnaryAsync<ListFollowUpsRequest, ListFollowUpsResponse>("/pluginnan.v1.FollowUpService/ListFollowUps", new ListFollowUpsRequest { SchoolUnitCode = SchoolA, PageSize = 100 }, options)).FollowUps.Count < 6
            || (await api.UnaryAsync<ListDigestsRequest, ListDigestsResponse>(subprojects + "ListDigests", new ListDigestsRequest { SubprojectId = "webb-a" }, options)).Digests.Count == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the jobs did not raise the follow-ups and digest within 60 s:\n{silo.Output}");
            }

            await Task.Delay(250);
        }
    }

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }

        await IdentityProvider.DisposeAsync();

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static void Account(Dictionary<string, string> environment, int index, (string Name, string Key) account, string role, string[]? subprojects = null, string[]? schools = null)
    {
        var prefix = $"Web__Accounts__{index.ToString(CultureInfo.InvariantCulture)}__";
        environment[prefix + "Name"] = account.Name;
        environment[prefix + "KeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(account.Key)));
        environment[prefix + "Role"] = role;
        for (var i = 0; i < (subprojects ?? []).Length; i++)
        {
            environment[$"{prefix}Subprojects__{i}"] = subprojects![i];
        }

        for (var i = 0; i < (schools ?? []).Length; i++)
        {
            environment[$"{prefix}Schools__{i}"] = schools![i];
        }
    }

    private static string NewId() => Guid.NewGuid().ToString();

    private static Google.Type.Date Date(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    /// <summary>A personnummer valid in form (born 2013, check digit right) with a serial of 9xx, a range the tests alone use.</summary>
    private static string NewCivicNo()
    {
        var n = Interlocked.Increment(ref serial);
        var body = $"1305{1 + (n % 28):00}9{n % 100:00}";
        var sum = body.Select((c, i) => (c - '0') * (i % 2 == 0 ? 2 : 1)).Sum(p => (p / 10) + (p % 10));
        return $"20{body[..6]}-{body[6..]}{(10 - (sum % 10)) % 10}";
    }
}

[CollectionDefinition(Name)]
public sealed class WebSiloDefinition : ICollectionFixture<WebSilo>
{
    public const string Name = "web silo";
}
