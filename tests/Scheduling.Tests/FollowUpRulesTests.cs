using PlugInnan.Grains;
using PlugInnan.Grains.Rules;
using static PlugInnan.Scheduling.Tests.SwedishClock;

namespace PlugInnan.Scheduling.Tests;

/// <summary>The follow-up rules on a controlled clock, across term boundaries, weekends and breaks (the default Swedish school year).</summary>
public sealed class FollowUpRulesTests
{
    private const string School = "12345678";

    [Fact]
    public void A_guardian_notice_is_due_once_the_cut_off_has_passed_on_a_school_day()
    {
        var day = new DateOnly(2026, 11, 18); // a Wednesday in the autumn term
        var roster = new[] { Student("a") with { UnnotifiedInvalidAbsenceOn = day, Mentor = "Anna Lärare" }, Student("b") with { UnnotifiedInvalidAbsenceOn = day.AddDays(-1) }, Student("c") };

        var before = FollowUpRules.GuardianNotices(Snapshot(roster), At(day, 15, 59)).ToList();
        var after = FollowUpRules.GuardianNotices(Snapshot(roster), At(day, 16, 0)).ToList();
        var saturday = FollowUpRules.GuardianNotices(Snapshot([Student("a") with { UnnotifiedInvalidAbsenceOn = day.AddDays(3) }]), At(day.AddDays(3), 17, 0));
        var autumnBreak = FollowUpRules.GuardianNotices(Snapshot([Student("a") with { UnnotifiedInvalidAbsenceOn = new(2026, 10, 28) }]), At(new(2026, 10, 28), 17, 0));

        Assert.Empty(before);
        var task = Assert.Single(after);
        Assert.Equal(("guardian-notice:a:2026-11-18", FollowUpKind.GuardianNotice, ResponsibleRole.Mentor, day, "Anna Lärare"), (task.Id, task.Kind, task.Role, task.Due, task.AssignedTo));
        Assert.Empty(saturday);
        Assert.Empty(autumnBreak);
    }

    [Fact]
    public void Repeated_or_prolonged_absence_without_an_investigation_is_a_task_for_the_principal_once_a_term()
    {
        var high = new RiskReason(RiskRules.AbsenceWindow, "0.25", "0.2", RiskLevel.High, new(2026, 10, 1));
        var watch = new RiskReason(RiskRules.AbsenceWindow, "0.12", "0.1", RiskLevel.Watch, new(2026, 10, 1));
        var roster = new[]
        {
            Student("high") with { Reasons = [high] },
            Student("watch") with { Reasons = [watch] },
            Student("term") with { Term = new TermMinutes(1000, 120, 0) },
            Student("investigated") with { Reasons = [high], OpenItems = [new OpenItem(OpenItemKind.AbsenceInvestigation, "ai_1", null)] },
        };

        var november = FollowUpRules.AbsenceInvestigations(Snapshot(roster), At(new(2026, 11, 18), 5, 30)).ToList();
        var december = FollowUpRules.AbsenceInvestigations(Snapshot(roster), At(new(2026, 12, 2), 5, 30)).ToList();
        var spring = FollowUpRules.AbsenceInvestigations(Snapshot(roster), At(new(2027, 2, 2), 5, 30)).ToList();

        Assert.Equal(["absence-investigation:high:HT2026", "absence-investigation:term:HT2026"], november.Select(t => t.Id));
        Assert.Equal(("absence_term", "0.12", "0.1"), (november[1].Trigger.Rule, november[1].Trigger.Value, november[1].Trigger.Threshold));
        Assert.Equal(november.Select(t => t.Id), december.Select(t => t.Id)); // the same term: the same tasks
        Assert.Equal(["absence-investigation:high:VT2027", "absence-investigation:term:VT2027"], spring.Select(t => t.Id));
    }

    [Fact]
    public void An_investigation_not_reported_within_the_limit_becomes_overdue()
    {
        var due = SchoolCalendarRules.AddSchoolDays(SchoolCalendar.Empty, new DateOnly(2026, 10, 22), 5); // over the autumn break
        var roster = new[] { Student("a") with { OpenItems = [new OpenItem(OpenItemKind.AbsenceInvestigation, "ai_1", due)] } };

        Assert.Equal(new DateOnly(2026, 11, 5), due);
        Assert.Empty(FollowUpRules.InvestigationReports(Snapshot(roster), At(due, 12, 0)));
        var task = Assert.Single(FollowUpRules.InvestigationReports(Snapshot(roster), At(due.AddDays(1), 5, 30)));
        Assert.Equal(("investigation-report:a:ai_1", ResponsibleRole.Principal, due), (task.Id, task.Role, task.Due));
    }

    [Fact]
    public void An_intervention_due_reminds_its_owner_and_five_school_days_later_the_principal()
    {
        var due = new DateOnly(2026, 11, 20); // a Friday
        var roster = new[] { Student("a") with { OpenItems = [new OpenItem(OpenItemKind.Intervention, "iv_1", due, DevelopmentArea.Relationships, PreventionLevel.Indicated, "Kurator Ek")] } };

        var early = FollowUpRules.InterventionFollowUps(Snapshot(roster), At(due.AddDays(-1), 5, 30));
        var onTheDay = FollowUpRules.InterventionFollowUps(Snapshot(roster), At(due, 5, 30)).ToList();
        var fifthSchoolDay = FollowUpRules.InterventionFollowUps(Snapshot(roster), At(new(2026, 11, 27), 5, 30)).ToList();
        var sixth = FollowUpRules.InterventionFollowUps(Snapshot(roster), At(new(2026, 11, 30), 5, 30)).ToList();

        Assert.Empty(early);
        Assert.Equal([(FollowUpKind.InterventionFollowUp, ResponsibleRole.InterventionOwner, "Kurator Ek")], onTheDay.Select(t => (t.Kind, t.Role, t.AssignedTo)));
        Assert.Single(fifthSchoolDay);
        Assert.Equal(["intervention-follow-up:a:iv_1:2026-11-20", "intervention-escalation:a:iv_1:2026-11-20"], sixth.Select(t => t.Id));
    }

    [Fact]
    public void From_May_year_6_students_at_watch_without_a_handover_are_a_task_for_the_sending_school()
    {
        var roster = new[]
        {
            Student("watch", year: 6) with { Risk = RiskLevel.Watch },
            Student("fine", year: 6),
            Student("handed-over", year: 6) with { Risk = RiskLevel.High, HandoverFromHere = true },
            Student("year-5", year: 5) with { Risk = RiskLevel.High },
        };

        var april = FollowUpRules.Transition(Snapshot(roster), At(new(2027, 4, 30), 5, 30));
        var may = FollowUpRules.Transition(Snapshot(roster), At(new(2027, 5, 3), 5, 30)).ToList();
        var summer = FollowUpRules.Transition(Snapshot(roster), At(new(2027, 6, 20), 5, 30));

        Assert.Empty(april);
        var task = Assert.Single(may);
        Assert.Equal(("handover-to-send:watch:2027", ResponsibleRole.Principal, new DateOnly(2027, 6, 11)), (task.Id, task.Role, task.Due));
        Assert.Empty(summer);
    }

    [Fact]
    public void In_the_first_weeks_of_year_7_a_missing_handover_goes_to_the_receiving_school_and_early_warnings_to_the_mentor()
    {
        var absent = new RiskReason(RiskRules.AbsenceWindow, "0.15", "0.1", RiskLevel.Watch, new(2026, 8, 24));
        var roster = new[]
        {
            Student("no-handover", year: 7),
            Student("absent", year: 7) with { HandoverToHere = true, Reasons = [absent] },
            Student("fine", year: 7) with { HandoverToHere = true },
        };

        var week2 = FollowUpRules.Transition(Snapshot(roster), At(new(2026, 8, 25), 5, 30)).ToList();
        var week7 = FollowUpRules.Transition(Snapshot(roster), At(new(2026, 9, 29), 5, 30));

        Assert.Equal(
            [("handover-missing:no-handover:2026", ResponsibleRole.ReceivingSchool), ("transition-watch:absent:2026", ResponsibleRole.Mentor)],
            week2.Select(t => (t.Id, t.Role)));
        Assert.Equal(("absence_window", "0.15", "0.1"), (week2[1].Trigger.Rule, week2[1].Trigger.Value, week2[1].Trigger.Threshold));
        Assert.Empty(week7);
    }

    private static SchoolSnapshot Snapshot(IReadOnlyList<StudentSummary> roster) => new(School, SchoolSettings.Default, roster);

    private static StudentSummary Student(string id, int year = 8) =>
        new(id, year, SecurityMarking.None, default, RiskLevel.None, [], new TermMinutes(0, 0, 0), null, null, [], null);
}
