using System.ComponentModel.DataAnnotations;

namespace PlugInnan.Runtime;

/// <summary>Settings of the grain runtime (configuration section <c>Silo:Runtime</c> in the silo).</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>How long a caller waits for a grain's answer before <see cref="TimeoutException"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation with no calls for this long is deactivated.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")]
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for; idle ones go within age plus one quantum.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests that may wait for one activation before further calls are rejected.</summary>
    [Range(1, int.MaxValue)]
    public int MaxQueuedRequests { get; set; } = 5_000;

    /// <summary>How long OnDeactivateAsync may take at shutdown before it is cancelled.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
