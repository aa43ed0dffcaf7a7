using System.ComponentModel.DataAnnotations;

namespace PlugInnan.Grpc;

public sealed class GrpcHealthOptions
{
    /// <summary>How often a Watch stream re-checks health; it sends only changes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(5);
}
