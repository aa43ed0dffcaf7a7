using System.ComponentModel.DataAnnotations;

namespace PlugInnan.Grpc;

/// <summary>Protocol settings (configuration section <c>Grpc:Server</c> in the silo).</summary>
public sealed class GrpcServerOptions
{
    /// <summary>Largest request message accepted, checked from the length prefix before buffering.</summary>
    [Range(1, int.MaxValue)]
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Whether responses are gzip-compressed when the client accepts gzip and the handler does not say otherwise.</summary>
    public bool CompressResponses { get; set; }
}
