using System.ComponentModel.DataAnnotations;

namespace PlugInnan.Api.Hosting;

/// <summary>Section <c>Grpc:Endpoint</c>: where the gRPC server listens.</summary>
public sealed class GrpcEndpointSettings
{
    public const string Section = "Grpc:Endpoint";

    /// <summary>IP address to listen on; loopback unless the deployment says otherwise.</summary>
    [Required]
    public string Address { get; set; } = "127.0.0.1";

    [Range(0, 65535)]
    public int Port { get; set; } = 50051;

    /// <summary>A PFX certificate: with it the endpoint is TLS with ALPN h2; without it, h2c (HTTP/2 prior knowledge).</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}
