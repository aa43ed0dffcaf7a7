using System.Net;
using System.Text.RegularExpressions;
using PlugInnan.Api.V1;
using PlugInnan.Scheduling;
using static PlugInnan.Api.Tests.Requests;

namespace PlugInnan.Api.Tests;

/// <summary>
/// The operators' endpoint of the real silo (loopback, no accounts): liveness and readiness, and
/// Hangfire's dashboard with every schedule in Swedish time and each run's counts, but nothing about a
/// student: no civic number, no student id, no name.
/// </summary>
public sealed partial class OperatorDashboardTests : IAsyncLifetime
{
    private readonly ApiSilo silo = new(new Dictionary<string, string>
    {
        ["Silo__Scheduling__InterventionFollowUpCron"] = "*/2 * * * * *",
    });

    public Task InitializeAsync() => silo.InitializeAsync();

    [Fact]
    public async Task The_operator_port_serves_health_and_the_dashboard_with_the_runs_and_nothing_personal()
    {
        var civicNo = NewCivicNo();
        const string owner = "Agnes Ödmark";
        await silo.CallAsync<RegisterSchoolRequest, RegisterSchoolResponse>(ApiSilo.AdminKey, Schools + "RegisterSchool", School(ApiSilo.SchoolA));
        var student = (await silo.CallAsync<EnrollStudentRequest, EnrollStudentResponse>(ApiSilo.SchoolAKey, Students + "EnrollStudent", Enrol(civicNo, ApiSilo.SchoolA))).StudentId;
        await silo.CallAsync<CreateInterventionRequest, CreateInterventionResponse>(ApiSilo.SchoolAKey, Students + "CreateIntervention", new CreateInterventionRequest
        {
            RequestId = NewId(), Student = ById(student), Level = PreventionLevel.Indicated, Area = DevelopmentArea.Relationships,
            Description = "Veckosamtal", Owner = owner, StartDate = Date(Today.AddDays(-14)), FollowUpDate = Date(Today),
        });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await silo.CallAsync<ListFollowUpsRequest, ListFollowUpsResponse>(ApiSilo.SchoolAKey, FollowUps + "ListFollowUps", new ListFollowUpsRequest { SchoolUnitCode = ApiSilo.SchoolA })).FollowUps.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the job raised no task within 30 s");
            await Task.Delay(200);
        }

        var live = await GetAsync("/health/live");
        var ready = await GetAsync("/health/ready");
        var recurring = await GetAsync("/hangfire/recurring");
        var succeeded = await GetAsync("/hangfire/jobs/succeeded");
        var runs = JobLink().Matches(succeeded).Select(m => m.Groups[1].Value).Distinct().ToList();
        var details = new List<string>();
        foreach (var run in runs)
        {
            details.Add(await GetAsync($"/hangfire/jobs/details/{run}"));
        }

        Assert.Equal(("Healthy", "Healthy"), (live, ready));
        Assert.All(FollowUpSchedule.Ids, id => Assert.Contains(id, recurring, StringComparison.Ordinal));
        Assert.Contains("Europe/Stockholm", recurring, StringComparison.Ordinal);
        Assert.NotEmpty(runs);
        Assert.Contains(details, d => d.Contains("TasksAdded", StringComparison.Ordinal)); // each run's counts, for the operator
        foreach (var page in details.Append(recurring).Append(succeeded))
        {
            Assert.DoesNotContain(civicNo, page, StringComparison.Ordinal);
            Assert.DoesNotContain(student, page, StringComparison.Ordinal);
            Assert.DoesNotContain(WebUtility.HtmlEncode(owner), page, StringComparison.Ordinal);
            Assert.DoesNotContain(owner, page, StringComparison.Ordinal);
        }
    }

    public Task DisposeAsync() => silo.DisposeAsync();

    private async Task<string> GetAsync(string path)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{silo.OperatorPort}{path}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex(@"jobs/details/(\d+)")]
    private static partial Regex JobLink();
}
