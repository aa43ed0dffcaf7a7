namespace PlugInnan.Grains;

/// <summary>First and last day of one term.</summary>
public sealed record TermDates(SchoolTerm Term, DateOnly Start, DateOnly End);

/// <summary>A school's terms and its days off within them (holidays, study days): what makes a day a school day.</summary>
public sealed record SchoolCalendar(IReadOnlyList<TermDates> Terms, IReadOnlyList<DateOnly> DaysOff)
{
    public static readonly SchoolCalendar Empty = new([], []);
}
