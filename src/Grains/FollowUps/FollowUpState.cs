namespace PlugInnan.Grains.FollowUps;

/// <summary>A school's follow-up tasks by id, open and closed (closed ones keep their id from being raised again).</summary>
[GenerateSerializer, Alias("pluginnan.FollowUpState")]
public sealed class FollowUpState
{
    [Id(0)]
    public Dictionary<string, FollowUpTask> Tasks { get; set; } = new(StringComparer.Ordinal);
}
