using System.ComponentModel.DataAnnotations;

namespace PlugInnan.Silo.Settings;

/// <summary>
/// Section <c>Silo:Operator</c>: the operators' HTTP endpoint (HTTP/1.1; with a certificate TLS, HTTP/1.1
/// and HTTP/2): liveness and readiness for load balancers, and Hangfire's dashboard. Loopback by
/// default; on any other address it needs a certificate and at least one account.
/// </summary>
public sealed class OperatorEndpointSettings
{
    public const string Section = "Silo:Operator";

    [Required]
    public string Address { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 8081;

    /// <summary>A PFX file: the endpoint then speaks TLS only.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Who may open the dashboard (HTTP Basic with the account's name and key, over TLS); none on loopback leaves it to local requests.</summary>
    public List<OperatorAccount> Accounts { get; set; } = [];
}

/// <summary>An operator: a name and the SHA-256 (hex) of a generated key of at least 32 characters, as API clients are configured.</summary>
public sealed class OperatorAccount
{
    [Required]
    public string Name { get; set; } = "";

    [Required]
    [RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "KeySha256 must be 64 hex digits")]
    public string KeySha256 { get; set; } = "";
}
