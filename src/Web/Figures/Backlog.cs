using System.Globalization;
using PlugInnan.Grains;

namespace PlugInnan.Web.Figures;

/// <summary>The follow-up work a school has, by the four kinds staff act on.</summary>
public enum BacklogKind
{
    GuardianNotice = 1,
    AbsenceInvestigation = 2,
    InterventionFollowUp = 3,
    Transition = 4,
}

/// <summary>One kind's open, overdue and (per ISO week) done tasks; counts only, small counts withheld.</summary>
public sealed record BacklogRow(BacklogKind Kind, int? Open, int? Overdue, IReadOnlyList<int?> DonePerWeek);

/// <summary>The follow-up backlog of a school: counts of tasks per kind, never a task's student.</summary>
public sealed record Backlog(IReadOnlyList<string> Weeks, IReadOnlyList<BacklogRow> Rows)
{
    public static string Name(BacklogKind kind) => kind switch
    {
        BacklogKind.GuardianNotice => "Samma-dag-besked till vårdnadshavare",
        BacklogKind.AbsenceInvestigation => "Frånvaroutredningar och anmälan till huvudmannen",
        BacklogKind.InterventionFollowUp => "Uppföljning av insatser",
        BacklogKind.Transition => "Övergång år 6–7",
        _ => kind.ToString(),
    };

    public static BacklogKind Of(FollowUpKind kind) => kind switch
    {
        FollowUpKind.GuardianNotice => BacklogKind.GuardianNotice,
        FollowUpKind.AbsenceInvestigation or FollowUpKind.InvestigationReport => BacklogKind.AbsenceInvestigation,
        FollowUpKind.InterventionFollowUp or FollowUpKind.InterventionEscalation => BacklogKind.InterventionFollowUp,
        FollowUpKind.HandoverToSend or FollowUpKind.HandoverMissing or FollowUpKind.TransitionWatch => BacklogKind.Transition,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown follow-up kind"),
    };

    /// <summary>The backlog on <paramref name="today"/>: open and overdue now, done in each of the last <paramref name="weeks"/> ISO weeks.</summary>
    public static Backlog From(IReadOnlyList<FollowUpTask> tasks, DateOnly today, int weeks = 6)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var labels = Enumerable.Range(0, weeks).Select(w => Week(today.AddDays(-7 * (weeks - 1 - w)))).ToList();
        var rows = Enum.GetValues<BacklogKind>().Select(kind =>
        {
            var mine = tasks.Where(t => Of(t.Kind) == kind).ToList();
            var open = mine.Where(t => t.Status == FollowUpStatus.Open).ToList();
            var done = mine.Where(t => t.Status == FollowUpStatus.Done && t.Closed is not null).Select(t => Week(DateOnly.FromDateTime(t.Closed!.Value.UtcDateTime))).ToList();
            return new BacklogRow(
                kind,
                Grains.Rules.ProgressRules.Count(open.Count),
                Grains.Rules.ProgressRules.Count(open.Count(t => t.Due < today)),
                [.. labels.Select(label => Grains.Rules.ProgressRules.Count(done.Count(d => d == label)))]);
        }).ToList();
        return new Backlog(labels, rows);
    }

    private static string Week(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-V{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}");
}
