namespace PlugInnan.Grains;

/// <summary>First and last day of one term.</summary>
[GenerateSerializer, Alias("pluginnan.TermDates")]
public sealed record TermDates([property: Id(0)] SchoolTerm Term, [property: Id(1)] DateOnly Start, [property: Id(2)] DateOnly End);

/// <summary>A school's terms and its days off within them (holidays, study days): what makes a day a school day.</summary>
[GenerateSerializer, Alias("pluginnan.SchoolCalendar")]
public sealed record SchoolCalendar([property: Id(0)] IReadOnlyList<TermDates> Terms, [property: Id(1)] IReadOnlyList<DateOnly> DaysOff)
{
    public static readonly SchoolCalendar Empty = new([], []);
}
