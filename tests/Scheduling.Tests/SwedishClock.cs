using PlugInnan.Grains.Rules;

namespace PlugInnan.Scheduling.Tests;

/// <summary>Instants in Swedish time, for setting the tests' clocks.</summary>
internal static class SwedishClock
{
    public static DateTimeOffset At(DateOnly day, int hour, int minute) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), SwedishTime.Zone), TimeSpan.Zero);
}
