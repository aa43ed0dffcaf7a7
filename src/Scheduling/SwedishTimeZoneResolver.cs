using Hangfire;
using PlugInnan.Grains.Rules;

namespace PlugInnan.Scheduling;

/// <summary>
/// Europe/Stockholm from the project's own rules, so schedules keep Swedish time on a host without
/// tzdata (a slim container); any other zone id from the system.
/// </summary>
public sealed class SwedishTimeZoneResolver : ITimeZoneResolver
{
    public TimeZoneInfo GetTimeZoneById(string timeZoneId) =>
        timeZoneId == SwedishTime.Zone.Id ? SwedishTime.Zone : TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
}
