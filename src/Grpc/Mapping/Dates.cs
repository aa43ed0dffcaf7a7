using PlugInnan.Api.Calls;

namespace PlugInnan.Api.Mapping;

/// <summary>google.type.Date to and from <see cref="DateOnly"/>.</summary>
internal static class Dates
{
    public static Google.Type.Date? ToProto(DateOnly? date) =>
        date is { } d ? new Google.Type.Date { Year = d.Year, Month = d.Month, Day = d.Day } : null;

    /// <summary>The date, or a violation (required and missing, or not a real date).</summary>
    public static DateOnly Required(Violations violations, Google.Type.Date? date, string field) =>
        date is null ? Missing(violations, field) : Optional(violations, date, field) ?? default;

    /// <summary>The date, null when unset, or a violation when it is not a real date.</summary>
    public static DateOnly? Optional(Violations violations, Google.Type.Date? date, string field)
    {
        if (date is null)
        {
            return null;
        }

        if (date.Year is >= 1900 and <= 2200 && date.Month is >= 1 and <= 12 && date.Day >= 1 && date.Day <= DateTime.DaysInMonth(date.Year, date.Month))
        {
            return new DateOnly(date.Year, date.Month, date.Day);
        }

        violations.Add(field, "is not a valid date (year 1900–2200, month 1–12, a day that month has)");
        return null;
    }

    private static DateOnly Missing(Violations violations, string field)
    {
        violations.Add(field, "is required");
        return default;
    }
}
