using System.Collections.Concurrent;
using PlugInnan.Api.V1;
using Grpc.Core;
using static PlugInnan.Api.Tests.Requests;

namespace PlugInnan.Api.Tests;

/// <summary>
/// Two real silo processes on one PostgreSQL database: one Orleans cluster. A student reached through
/// either silo's gRPC port is one activation; a silo killed with SIGKILL loses no acknowledged write;
/// a restarted silo rejoins and takes grains again.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class ClusterTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private ApiCluster? cluster;

    private ApiCluster Cluster => cluster!;

    public async Task InitializeAsync()
    {
        // The intervention follow-up job every two seconds, on whichever silo Hangfire's servers let take it.
        cluster = await ApiCluster.StartAsync(new Dictionary<string, string>
        {
            ["Silo__Scheduling__Enabled"] = "true",
            ["Silo__Scheduling__InterventionFollowUpCron"] = "*/2 * * * * *",
        });
        await Cluster.CallAsync<RegisterSchoolRequest, RegisterSchoolResponse>(0, ApiSilo.AdminKey, Schools + "RegisterSchool", School(ApiSilo.SchoolA));
    }

    [Fact]
    public async Task A_thousand_concurrent_updates_through_both_silos_to_one_student_all_land()
    {
        var enrolled = await EnrolAsync(0);
        var day = Date(Today.AddDays(-1));

        // A thousand writes queue at one grain, each stored on PostgreSQL before it answers; on a loaded
        // machine the last wait longer than the cluster's 10 s response timeout and get UNAVAILABLE, which
        // a school system answers by resending the same request, as it must.
        var refusals = new ConcurrentBag<StatusCode>();
        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => RecordResendingAsync(i % 2, Contact(enrolled.StudentId, day, NewId()), refusals)));

        output.WriteLine($"{refusals.Count} resends ({string.Join(", ", refusals.Distinct())})");
        Assert.All(refusals, code => Assert.Equal(StatusCode.Unavailable, code)); // never a conflict or another answer
        Assert.Equal(1000, results.Select(r => r.Contact.ContactId).Distinct().Count());
        foreach (var silo in new[] { 0, 1 })
        {
            var profile = await GetAsync(silo, enrolled.StudentId);
            Assert.Equal(1000, profile.GuardianContacts.Count);
        }
    }

    [Fact]
    public async Task Only_a_holder_of_the_cluster_certificate_reaches_the_gateway()
    {
        var hosts = await Cluster.WithManagementAsync(Cluster.Certificate, m => m.GetHosts(onlyActive: true));
        using var stranger = ApiCluster.NewCertificate("not-the-cluster");

        Assert.Equal(2, hosts.Count);
        await Assert.ThrowsAnyAsync<Exception>(() => Cluster.WithManagementAsync(stranger, m => m.GetHosts(onlyActive: true), connectWithin: TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task A_follow_up_change_made_through_one_silo_reaches_a_watcher_on_the_other()
    {
        using var watch = await Cluster.WatchAsync<WatchFollowUpsRequest, WatchFollowUpsResponse>(
            1, ApiSilo.SchoolAKey, FollowUps + "WatchFollowUps", new WatchFollowUpsRequest { SchoolUnitCode = ApiSilo.SchoolA });
        await watch.ResponseHeadersAsync();
        var student = (await EnrolAsync(0)).StudentId;
        await Cluster.CallAsync<CreateInterventionRequest, CreateInterventionResponse>(0, ApiSilo.SchoolAKey, Students + "CreateIntervention", new CreateInterventionRequest
        {
            RequestId = NewId(), Student = ById(student), Level = PreventionLevel.Indicated, Area = DevelopmentArea.Relationships,
            Description = "Veckosamtal", Owner = "Mentor 9A", StartDate = Date(Today.AddDays(-14)), FollowUpDate = Date(Today),
        });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var raised = (await watch.ReadAsync().WaitAsync(timeout.Token))!.FollowUp;
        await Cluster.CallAsync<CompleteFollowUpRequest, CompleteFollowUpResponse>(0, ApiSilo.SchoolAKey, FollowUps + "CompleteFollowUp", new CompleteFollowUpRequest
        {
            RequestId = NewId(), SchoolUnitCode = ApiSilo.SchoolA, FollowUpId = raised.FollowUpId, ClosedBy = "Mentor 9A",
        });
        var closed = (await watch.ReadAsync().WaitAsync(timeout.Token))!.FollowUp;

        Assert.Equal((student, FollowUpStatus.Open), (raised.StudentId, raised.Status));
        Assert.Equal((raised.FollowUpId, FollowUpStatus.Done), (closed.FollowUpId, closed.Status)); // completed through silo 0, seen on silo 1
    }

    [Fact]
    public async Task A_silo_killed_while_a_client_writes_through_the_other_loses_no_acknowledged_write_and_rejoins_when_restarted()
    {
        var students = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            students.Add((await EnrolAsync(i % 2)).StudentId);
        }

        // Orleans chose where the students live: the silo holding the most is the one to kill, and the
        // client writes through the other.
        var before = await Cluster.StudentActivationsAsync();
        var victim = ActivationsOn(before, 0) >= ActivationsOn(before, 1) ? 0 : 1;
        var survivor = 1 - victim;
        Assert.True(ActivationsOn(before, victim) > 0, Describe(before));

        var acknowledged = new ConcurrentBag<(string Student, string ContactId)>();
        var refusals = new ConcurrentBag<StatusCode>();
        var day = Date(Today.AddDays(-1));
        using var stop = new CancellationTokenSource();
        var writers = students.Select(student => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await RecordResendingAsync(survivor, Contact(student, day, NewId()), refusals);
                acknowledged.Add((student, response.Contact.ContactId));
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(2));
        var ackedBeforeKill = acknowledged.Count;
        await Cluster.KillAsync(victim);
        await Task.Delay(TimeSpan.FromSeconds(15)); // the survivor declares the dead silo and takes its grains
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        output.WriteLine($"before the kill of silo {victim}: {Describe(before)}; acknowledged {ackedBeforeKill} before the kill, {acknowledged.Count} in all; {refusals.Count} refusals ({string.Join(", ", refusals.Distinct())})");
        Assert.True(ackedBeforeKill > 0, "nothing was written before the kill");
        Assert.True(acknowledged.Count > ackedBeforeKill, "nothing was written after the kill");
        Assert.All(refusals, code => Assert.Equal(StatusCode.Unavailable, code)); // a clear UNAVAILABLE, never another answer
        foreach (var group in acknowledged.GroupBy(a => a.Student))
        {
            var stored = (await GetAsync(survivor, group.Key)).GuardianContacts.Select(c => c.ContactId).ToHashSet();
            Assert.All(group, a => Assert.Contains(a.ContactId, stored));
        }

        await Cluster.StartSiloAsync(victim);
        var active = await WaitAsync(async () => await Cluster.ActiveSilosAsync(), a => a.Length == 2);
        Assert.Equal(2, active.Length);

        // New students, through both ports, until Orleans places some on the restarted silo (it needs the
        // new silo's statistics first), within a minute.
        var after = await WaitAsync(
            async () =>
            {
                for (var i = 0; i < 10; i++)
                {
                    await EnrolAsync(i % 2);
                }

                return await Cluster.StudentActivationsAsync();
            },
            a => ActivationsOn(a, victim) > 0);
        output.WriteLine($"after the restart: {Describe(after)}");
        Assert.True(ActivationsOn(after, victim) > 0, Describe(after)); // the restarted silo holds grains
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            // The silos' own words, shown by the test runner when a test fails.
            foreach (var index in new[] { 0, 1 })
            {
                output.WriteLine($"--- silo {index} ---\n{cluster.OutputTail(index, lines: 150)}");
            }

            await cluster.DisposeAsync();
        }
    }

    private static RecordGuardianContactRequest Contact(string student, Google.Type.Date day, string requestId) => new()
    {
        RequestId = requestId, Student = ById(student), Date = day,
        Channel = ContactChannel.Phone, Reason = ContactReason.UnexcusedAbsence, Outcome = ContactOutcome.Reached,
    };

    /// <summary>A guardian contact recorded through <paramref name="silo"/>, resent on a refusal (noted in <paramref name="refusals"/>) as a client must: the same request id makes it safe.</summary>
    private async Task<RecordGuardianContactResponse> RecordResendingAsync(int silo, RecordGuardianContactRequest request, ConcurrentBag<StatusCode> refusals)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Cluster.CallAsync<RecordGuardianContactRequest, RecordGuardianContactResponse>(silo, ApiSilo.SchoolAKey, Students + "RecordGuardianContact", request);
            }
            catch (RpcException e) when (attempt < 60)
            {
                refusals.Add(e.StatusCode);
                await Task.Delay(500);
            }
        }
    }

    private Task<EnrollStudentResponse> EnrolAsync(int silo) =>
        Cluster.CallAsync<EnrollStudentRequest, EnrollStudentResponse>(silo, ApiSilo.SchoolAKey, Students + "EnrollStudent", Enrol(NewCivicNo(), ApiSilo.SchoolA));

    private async Task<StudentProfile> GetAsync(int silo, string student) =>
        (await Cluster.CallAsync<GetStudentRequest, GetStudentResponse>(silo, ApiSilo.SchoolAKey, Students + "GetStudent", new GetStudentRequest { Student = ById(student) })).Student;

    private static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(1000);
        }
    }

    private int ActivationsOn(Dictionary<Orleans.Runtime.SiloAddress, int> activations, int silo) =>
        activations.Where(a => a.Key.Endpoint.Port == Cluster.Silo(silo).SiloPort).Sum(a => a.Value);

    private static string Describe(Dictionary<Orleans.Runtime.SiloAddress, int> activations) =>
        string.Join(", ", activations.Select(a => $"{a.Key}: {a.Value}"));
}
