using Orleans.Storage;
using Xunit.Abstractions;
using static PlugInnan.Grains.Tests.Records;

namespace PlugInnan.Grains.Tests;

/// <summary>The student grain over the real runtime and SQLite storage.</summary>
public sealed class StudentGrainTests(ITestOutputHelper output) : IDisposable
{
    private const string School = "12345678";
    private static readonly DateOnly TermStart = new(2026, 8, 17);
    private static readonly Enrolment Year7 = new(School, 7, "7B", "mentor-3", TermStart, null, SecurityMarking.None);

    private readonly SiloOnDisk disk = new(new DateOnly(2026, 9, 1));

    [Fact]
    public async Task Resent_and_corrected_lessons_replace_earlier_ones_and_survive_a_restart()
    {
        var day = disk.Today;
        await using (var silo = await disk.StartAsync())
        {
            var student = silo.GrainFactory.GetGrain<IStudentGrain>("a1");
            await student.Enroll(Year7);
            await student.RecordAttendance([new(day, "MA-1", 60, 0, 0, 60), new(day, "SV-1", 60, 60, 0, 0)]);
            await student.RecordAttendance([new(day, "MA-1", 60, 0, 60, 0)]); // the absence turned out valid
            await student.RecordAttendance([new(day, "MA-1", 60, 0, 60, 0)]); // and was sent twice
        }

        await using var restarted = await disk.StartAsync();
        var profile = await restarted.GrainFactory.GetGrain<IStudentGrain>("a1").GetProfile();
        var entry = Assert.Single(await restarted.GrainFactory.GetGrain<ISchoolGrain>(School).GetRoster());

        Assert.Equal(0.5, profile.Attendance.TermRate, 6);
        Assert.Equal(0, profile.Attendance.InvalidMinutesInTerm);
        Assert.Equal(Year7, profile.Enrolment);
        Assert.Equal(new TermMinutes(120, 60, 0), entry.Term);
    }

    [Fact]
    public async Task Grades_give_eligibility_merit_value_and_an_explained_risk()
    {
        await using var silo = await disk.StartAsync();
        var student = silo.GrainFactory.GetGrain<IStudentGrain>("a2");
        await student.Enroll(Year7 with { YearLevel = 9, StartDate = new DateOnly(2024, 8, 19) });
        await student.RecordGrades(Grades("SV:C EN:C MA:F BI:E FY:E KE:E GE:E HI:E RE:E SH:E BL:E HKK:E IDH:E MU:E SL:E TK:E", new DateOnly(2026, 6, 10)));

        var profile = await student.GetProfile();

        Assert.False(profile.Eligibility.Vocational);
        Assert.Equal(15 + 15 + 0 + (13 * 10), profile.MeritValue);
        Assert.Equal(RiskLevel.High, profile.Risk.Level);
        Assert.Equal(["core_subject_grade:MA", "vocational_eligibility_projection"], profile.Risk.Reasons.Select(r => r.Indicator));
    }

    [Fact]
    public async Task A_later_term_replaces_the_current_grade_and_a_corrected_grade_replaces_the_term_grade()
    {
        await using var silo = await disk.StartAsync();
        var student = silo.GrainFactory.GetGrain<IStudentGrain>("a4");
        await student.Enroll(Year7);
        await student.RecordGrades([Grade("MA", "F", new(2026, 6, 10))]);
        Assert.Contains((await student.GetProfile()).Risk.Reasons, r => r.Indicator == "core_subject_grade:MA");

        await student.RecordGrades([Grade("MA", "E", new(2026, 6, 12))]); // same term (VT 2026): a correction
        var corrected = await student.GetProfile();
        Assert.Equal("E", Assert.Single(corrected.CurrentGrades).Grade);
        Assert.Equal(RiskLevel.None, corrected.Risk.Level);

        disk.Today = new DateOnly(2027, 1, 10);
        await student.RecordGrades([Grade("MA", "-", new(2026, 12, 18))]); // HT 2026 is later
        Assert.Equal("-", Assert.Single((await student.GetProfile()).CurrentGrades).Grade);
    }

    [Fact]
    public async Task Refused_records_name_the_field_and_change_nothing()
    {
        await using var silo = await disk.StartAsync();
        var student = silo.GrainFactory.GetGrain<IStudentGrain>("a3");
        var day = disk.Today;
        await student.Enroll(Year7);

        var minutes = await Assert.ThrowsAsync<InvalidRecordException>(() => student.RecordAttendance([new(day, "EN-1", 60, 0, 0, 60), new(day, "EN-2", 60, 50, 20, 0)]));
        var grade = await Assert.ThrowsAsync<InvalidRecordException>(() => student.RecordGrades([Grade("MA", "C", day), Grade("XX", "C", day)]));
        var evaluation = await Assert.ThrowsAsync<InvalidRecordException>(() => student.RecordIntervention(Intervention("i1", InterventionStatus.Completed)));
        var school = await Assert.ThrowsAsync<InvalidRecordException>(() => student.Enroll(Year7 with { SchoolUnitCode = "1234" }));

        Assert.Equal(["lessons[1]", "grades[1].subject", "evaluation", "school_unit_code"], new[] { minutes, grade, evaluation, school }.Select(e => e.Field));
        var profile = await student.GetProfile();
        Assert.Equal(0.0, profile.Attendance.TermRate);
        Assert.Empty(profile.CurrentGrades);
        Assert.Empty(profile.Interventions);
        Assert.Equal(School, profile.Enrolment!.SchoolUnitCode);
    }

    [Fact]
    public async Task A_write_that_loses_to_another_silo_leaves_nothing_behind_and_the_next_one_goes_through()
    {
        await using var first = await disk.StartAsync();
        await using var second = await disk.StartAsync(); // a second silo on the same database
        var here = first.GrainFactory.GetGrain<IStudentGrain>("shared");
        var there = second.GrainFactory.GetGrain<IStudentGrain>("shared");
        await here.Enroll(Year7);
        await there.RecordConnectedness(new(disk.Today, 4, 4, 4, 4)); // activates there, stores a newer version

        await Assert.ThrowsAsync<InconsistentStateException>(() => here.RecordConnectedness(new(disk.Today, 1, 1, 1, 1)));

        Assert.Equal(4, (await here.GetProfile()).LatestCheckIn!.Affective); // what is stored, not the refused change
        await here.RecordConnectedness(new(disk.Today, 2, 2, 2, 2));
        Assert.Equal(2, (await here.GetProfile()).LatestCheckIn!.Affective);
    }

    [Fact]
    public async Task Interventions_contacts_investigations_and_handovers_are_updated_by_id()
    {
        await using var silo = await disk.StartAsync();
        var student = silo.GrainFactory.GetGrain<IStudentGrain>("a5");
        var today = disk.Today;
        await student.Enroll(Year7);
        await student.RecordIntervention(Intervention("i1", InterventionStatus.Active));
        await student.RecordIntervention(Intervention("i1", InterventionStatus.Active) with { FollowUpDate = today.AddDays(14) }); // moved follow-up
        await student.RecordIntervention(Intervention("i2", InterventionStatus.Completed) with { Evaluation = InterventionEvaluation.Improved });
        await student.RecordGuardianContact(new("c1", today, ContactChannel.Phone, ContactReason.Absence, ContactOutcome.NotReached));
        await student.RecordGuardianContact(new("c1", today, ContactChannel.Phone, ContactReason.Absence, ContactOutcome.Reached));
        await student.RecordAbsenceInvestigation(new("u1", today, null, InvestigationParticipants.Student | InvestigationParticipants.Guardians, null));
        await student.RecordHandover(new("h1", "87654321", School, TermStart, HandoverContent.StudyResults | HandoverContent.AbsenceMeasures));
        await student.RecordHandover(new("h1", "87654321", School, TermStart, HandoverContent.StudyResults | HandoverContent.AbsenceMeasures));

        var open = await student.GetProfile();
        Assert.Equal(2, open.Interventions.Count);
        Assert.Equal(ContactOutcome.Reached, Assert.Single(open.GuardianContacts).Outcome);
        Assert.Single(open.Handovers);
        Assert.Equal(
            [(OpenItemKind.Intervention, "i1", (DateOnly?)today.AddDays(14)), (OpenItemKind.AbsenceInvestigation, "u1", today.AddDays(7)) /* 5 school days on from a Tuesday */],
            open.OpenItems.Select(i => (i.Kind, i.Id, i.DueOn)));
        Assert.Contains(open.Risk.Reasons, r => r.Indicator == "absence_investigation_open" && r.Since == today);

        await student.RecordAbsenceInvestigation(new("u1", today, today.AddDays(2), InvestigationParticipants.Student | InvestigationParticipants.Guardians | InvestigationParticipants.StudentHealthTeam, today.AddDays(20)));
        var closed = await student.GetProfile();
        Assert.DoesNotContain(closed.OpenItems, i => i.Kind == OpenItemKind.AbsenceInvestigation);
        Assert.DoesNotContain(closed.Risk.Reasons, r => r.Indicator == "absence_investigation_open");
    }

    [Fact]
    public async Task Interventions_and_investigations_change_by_id_and_unknown_ids_name_their_field()
    {
        await using var silo = await disk.StartAsync();
        var student = silo.GrainFactory.GetGrain<IStudentGrain>("a8");
        var today = disk.Today;
        await student.Enroll(Year7);
        await student.RecordIntervention(Intervention("i1", InterventionStatus.Active));
        await student.RecordAbsenceInvestigation(new("u1", today, null, InvestigationParticipants.None, null));

        var half = await Assert.ThrowsAsync<InvalidRecordException>(() => student.UpdateIntervention(new("i1", InterventionStatus.Completed)));
        var completed = await student.UpdateIntervention(new("i1", InterventionStatus.Completed, InterventionEvaluation.Improved));
        var reopened = await student.UpdateIntervention(new("i1", InterventionStatus.Active));
        await student.UpdateIntervention(new("i1", InterventionStatus.Completed, InterventionEvaluation.Unchanged));
        var reported = await student.ReportAbsenceInvestigation("u1", today.AddDays(1));
        var closed = await student.CloseAbsenceInvestigation("u1", today.AddDays(9), InvestigationParticipants.Student | InvestigationParticipants.Guardians);
        var unknown = await Assert.ThrowsAsync<RecordNotFoundException>(() => student.CloseAbsenceInvestigation("u2", today, InvestigationParticipants.None));

        Assert.Equal((InterventionStatus.Completed, (InterventionEvaluation?)InterventionEvaluation.Improved, "mentor-3"), (completed.Status, completed.Evaluation, completed.Owner));
        Assert.Equal("evaluation", half.Field); // completed without an evaluation is refused, and nothing changes
        Assert.Null(reopened.Evaluation); // reopening drops the earlier evaluation
        Assert.Equal((today.AddDays(1), (DateOnly?)null), (reported.ReportedToOrganiserOn!.Value, reported.ClosedOn));
        Assert.Equal((today.AddDays(1), today.AddDays(9)), (closed.ReportedToOrganiserOn!.Value, closed.ClosedOn!.Value));
        Assert.Equal("investigation_id", unknown.Field);
        var profile = await student.GetProfile();
        Assert.Equal(InterventionStatus.Completed, Assert.Single(profile.Interventions).Status);
        Assert.Empty(profile.OpenItems);
    }

    [Fact]
    public async Task Invalid_absence_stays_unnotified_until_the_guardians_are_told_that_day()
    {
        await using var silo = await disk.StartAsync();
        var student = silo.GrainFactory.GetGrain<IStudentGrain>("a6");
        var school = silo.GrainFactory.GetGrain<ISchoolGrain>(School);
        var today = disk.Today;
        await student.Enroll(Year7);

        await student.RecordAttendance([new(today, "SV-1", 60, 20, 0, 40)]);
        Assert.Equal(today, Assert.Single(await school.GetRoster()).UnnotifiedInvalidAbsenceOn);

        await student.RecordGuardianContact(new("n1", today, ContactChannel.DigitalMessage, ContactReason.UnexcusedAbsence, ContactOutcome.MessageLeft));
        Assert.Null(Assert.Single(await school.GetRoster()).UnnotifiedInvalidAbsenceOn);
    }

    [Fact]
    public async Task The_school_settings_and_calendar_set_the_thresholds_and_the_term()
    {
        await using var silo = await disk.StartAsync();
        var student = silo.GrainFactory.GetGrain<IStudentGrain>("a7");
        var school = silo.GrainFactory.GetGrain<ISchoolGrain>(School);
        var today = disk.Today;
        await student.Enroll(Year7);
        await student.RecordAttendance([
            new(new DateOnly(2026, 6, 1), "SV-1", 60, 0, 60, 0), // last term: outside the term once the calendar says so
            .. Enumerable.Range(0, 16).Select(i => new LessonAttendance(today, $"L{i}", 60, i == 0 ? 0 : 60, i == 0 ? 60 : 0, 0)),
        ]);
        Assert.Equal(RiskLevel.None, (await student.GetProfile()).Risk.Level); // 2 of 17 hours, under 10 %

        await school.SetRoutines(new RoutineSettings { AbsenceWatchRate = 0.05, AbsenceHighRate = 0.5, AbsenceWindowDays = 7, TransitionWeeks = 0 });
        await school.SetCalendar(new SchoolCalendar([new(new SchoolTerm(2026, Semester.Autumn), TermStart, new DateOnly(2026, 12, 18))], []));
        var profile = await student.GetProfile();

        Assert.Equal(RiskLevel.Watch, profile.Risk.Level);
        Assert.Equal("0.05", Assert.Single(profile.Risk.Reasons).Threshold);
        Assert.Equal(1.0 / 16, profile.Attendance.TermRate, 6);
    }

    [Fact]
    public async Task A_full_school_year_stays_compact()
    {
        var days = Enumerable.Range(0, 300).Select(i => TermStart.AddDays(i))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Take(190).ToList();
        var subjects = "SV EN MA BI FY KE GE HI RE SH BL HKK IDH MU SL TK".Split(' ');
        await using (var silo = await disk.StartAsync())
        {
            var student = silo.GrainFactory.GetGrain<IStudentGrain>("full-year");
            await student.Enroll(Year7);
            foreach (var week in days.Chunk(5))
            {
                disk.Today = week[^1];
                await student.RecordAttendance([.. week.SelectMany(d => Enumerable.Range(1, 6).Select(n =>
                    new LessonAttendance(d, Guid.NewGuid().ToString(), 60, n == 6 && d.Day % 7 == 0 ? 0 : 60, 0, n == 6 && d.Day % 7 == 0 ? 60 : 0)))]);
            }

            foreach (var registered in new[] { new DateOnly(2026, 12, 18), new DateOnly(2027, 6, 10) })
            {
                await student.RecordGrades([.. subjects.Select(s => Grade(s, "C", registered))]);
            }

            for (var i = 0; i < 4; i++)
            {
                await student.RecordIntervention(Intervention($"i{i}", InterventionStatus.Active));
                await student.RecordGuardianContact(new($"c{i}", days[i * 40], ContactChannel.Phone, ContactReason.Absence, ContactOutcome.Reached));
                await student.RecordConnectedness(new(days[i * 40], 3, 3, 4, 3));
            }

            var profile = await student.GetProfile();
            Assert.InRange(profile.Attendance.TermRate, 0.01, 0.05);
            Assert.Equal(subjects.Length, profile.CurrentGrades.Count);
        }

        var bytes = await disk.PayloadBytesAsync("student", "full-year");
        output.WriteLine($"state of a student with {days.Count * 6} lesson records (UUID lesson ids), {subjects.Length * 2} grades, 4 interventions, 4 guardian contacts and 4 check-ins: {bytes} bytes stored");
        Assert.InRange(bytes, 1, 100_000);
    }

    public void Dispose() => disk.Dispose();

    private Intervention Intervention(string id, InterventionStatus status) => new(
        id, PreventionLevel.Indicated, DevelopmentArea.Relationships, [SuccessFactor.Treatment, SuccessFactor.TrackingAndFollowUp],
        "Mentorssamtal varje vecka", "mentor-3", disk.Today, disk.Today.AddDays(21), status);
}
