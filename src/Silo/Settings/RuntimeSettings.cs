using System.ComponentModel.DataAnnotations;

namespace PlugInnan.Silo.Settings;

/// <summary>
/// Section <c>Silo:Runtime</c>: the settings the silo had before Orleans, each mapped onto its Orleans
/// equivalent in <see cref="SiloRuntimeExtensions"/> (the README lists the mapping).
/// </summary>
public sealed class RuntimeSettings
{
    public const string Section = "Silo:Runtime";

    /// <summary>Orleans <c>SiloMessagingOptions.ResponseTimeout</c>: a caller's wait for a grain's answer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Orleans <c>GrainCollectionOptions.CollectionAge</c>: an activation idle this long is deactivated.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Orleans <c>GrainCollectionOptions.CollectionQuantum</c>: how often idle activations are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Orleans <c>SiloMessagingOptions.MaxEnqueuedRequestsHardLimit</c>: requests that may wait for one activation.</summary>
    [Range(1, int.MaxValue)]
    public int MaxQueuedRequests { get; set; } = 5_000;

    /// <summary>Orleans <c>GrainCollectionOptions.DeactivationTimeout</c>: how long a deactivation may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
