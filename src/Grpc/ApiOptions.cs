using System.ComponentModel.DataAnnotations;
using PlugInnan.Api.Access;

namespace PlugInnan.Api;

/// <summary>The API's settings (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Who may call, with what key, in which roles and for which schools and subprojects.</summary>
    public List<ApiClientOptions> Clients { get; set; } = [];

    /// <summary>
    /// The pseudonymisation key (base64, at least 32 bytes) that turns civic numbers into student ids.
    /// Takes precedence over <see cref="PseudonymKeyFile"/>; every silo sharing a database needs the same key.
    /// </summary>
    public string? PseudonymKey { get; set; }

    /// <summary>File holding the key (created with a new random key if missing), relative to the working folder.</summary>
    [Required]
    public string PseudonymKeyFile { get; set; } = "data/pseudonym.key";
}

/// <summary>One API client: a school system, a process leader's tool, or municipal IT.</summary>
public sealed class ApiClientOptions
{
    /// <summary>The client's name, as the audit log records it.</summary>
    [Required]
    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the client's key, in hex; the key itself is never stored by the silo.</summary>
    [Required]
    [RegularExpression("^[0-9a-fA-F]{64}$")]
    public string KeySha256 { get; set; } = "";

    public List<ApiRole> Roles { get; set; } = [];

    /// <summary>School unit codes the client acts for; <c>*</c> for all.</summary>
    public List<string> Schools { get; set; } = [];

    /// <summary>Subproject ids the client acts for; <c>*</c> for all.</summary>
    public List<string> Subprojects { get; set; } = [];

    /// <summary>Accept this client only from the silo's own machine (for a development key).</summary>
    public bool LoopbackOnly { get; set; }
}
