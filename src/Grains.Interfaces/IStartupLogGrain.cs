namespace PlugInnan.Grains;

/// <summary>
/// Remembers every start of the silo on its database. The silo calls it at start-up, which proves
/// that activation and grain storage work before the silo reports itself ready.
/// </summary>
public interface IStartupLogGrain : IGrainWithStringKey
{
    Task<StartupRecord> RecordStart(string version);

    [ReadOnly]
    Task<StartupRecord> GetLog();
}

/// <param name="Starts">Starts recorded on this database under this service id.</param>
/// <param name="LastStart">When the latest start was recorded.</param>
/// <param name="PreviousStart">The start before it, if any.</param>
/// <param name="Version">The silo version that started last.</param>
[GenerateSerializer, Alias("pluginnan.StartupRecord")]
public sealed record StartupRecord([property: Id(0)] int Starts, [property: Id(1)] DateTimeOffset? LastStart, [property: Id(2)] DateTimeOffset? PreviousStart, [property: Id(3)] string? Version);
