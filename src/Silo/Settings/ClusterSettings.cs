using System.ComponentModel.DataAnnotations;

namespace PlugInnan.Silo.Settings;

/// <summary>
/// Section <c>Silo:Cluster</c>: where the other silos of the cluster reach this one. On SQLite the silo
/// runs alone with localhost clustering on these ports.
/// </summary>
public sealed class ClusterSettings
{
    public const string Section = "Silo:Cluster";

    /// <summary>The port silos talk to each other on.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>
    /// The port Orleans clients (operators' tools) connect to; 0, the default, for none: the gRPC
    /// endpoint, with its access checks and audit, is how users reach the data.
    /// </summary>
    [Range(0, 65535)]
    public int GatewayPort { get; set; }

    /// <summary>The address this silo tells the others to reach it on (an IPv4 or IPv6 address, not a name).</summary>
    [Required]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Listen on every interface rather than only the advertised address (for containers and NAT).</summary>
    public bool ListenOnAnyAddress { get; set; }

    /// <summary>
    /// A PFX file with the cluster's certificate and key: silo-to-silo and gateway connections then use
    /// TLS, and a peer is accepted only if it presents this same certificate.
    /// </summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Allows silo and gateway ports reachable from other machines without a cluster certificate (a
    /// network that is protected otherwise). Without it such a silo refuses to start.
    /// </summary>
    public bool AllowPlaintextOnNetwork { get; set; }
}
