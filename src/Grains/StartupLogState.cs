namespace PlugInnan.Grains;

[GenerateSerializer, Alias("pluginnan.StartupLogState")]
public sealed class StartupLogState
{
    [Id(0)]
    public int Starts { get; set; }

    [Id(1)]
    public DateTimeOffset? LastStart { get; set; }

    [Id(2)]
    public DateTimeOffset? PreviousStart { get; set; }

    [Id(3)]
    public string? Version { get; set; }
}
