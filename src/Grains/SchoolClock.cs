namespace PlugInnan.Grains;

/// <summary>
/// The clock the domain reads "today" from, apart from the <see cref="TimeProvider"/> Orleans uses for
/// membership, collection and timers: tests move a school year forward on this one without moving
/// Orleans' clock. The silo registers it over the system clock.
/// </summary>
public sealed class SchoolClock(TimeProvider source) : TimeProvider
{
    public static new SchoolClock System { get; } = new(TimeProvider.System);

    public override DateTimeOffset GetUtcNow() => source.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
