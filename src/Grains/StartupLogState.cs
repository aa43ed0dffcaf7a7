namespace PlugInnan.Grains;

public sealed class StartupLogState
{
    public int Starts { get; set; }

    public DateTimeOffset? LastStart { get; set; }

    public DateTimeOffset? PreviousStart { get; set; }

    public string? Version { get; set; }
}
