using System.ComponentModel.DataAnnotations;

namespace PlugInnan.Web.Access;

/// <summary>Section <c>Web</c>: who may sign in to the pages.</summary>
public sealed class WebSettings
{
    public const string Section = "Web";

    /// <summary>The key of the development account shipped in appsettings.json; refused unless the endpoint is on loopback.</summary>
    public const string DevelopmentKey = "local-development-key";

    public List<WebAccount> Accounts { get; set; } = [];

    /// <summary>A municipality's own identity provider; sign-in with it is offered when <c>Authority</c> is set.</summary>
    public OpenIdConnectSettings OpenIdConnect { get; set; } = new();
}

/// <summary>
/// Section <c>Web:OpenIdConnect</c>: the authorization code flow with PKCE. The provider names the
/// person's role and what they cover in claims of its own (names settable), which the pages read
/// as they read an account from configuration; without a valid role claim nobody is signed in.
/// </summary>
public sealed class OpenIdConnectSettings
{
    public string? Authority { get; set; }

    public string ClientId { get; set; } = "";

    public string? ClientSecret { get; set; }

    /// <summary>What the sign-in button says: "Logga in via …".</summary>
    public string DisplayName { get; set; } = "kommunens inloggning";

    /// <summary>Only for a provider on this machine in tests: allows its metadata over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public string RoleClaim { get; set; } = "pluginnan_role";

    public string SubprojectClaim { get; set; } = "pluginnan_subproject";

    public string SchoolClaim { get; set; } = "pluginnan_school";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}

/// <summary>
/// An account from configuration: a name, the SHA-256 (hex) of a generated key of at least 32
/// characters (as API clients are configured), a role, and what it covers.
/// </summary>
public sealed class WebAccount
{
    [Required]
    public string Name { get; set; } = "";

    [Required]
    [RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "KeySha256 must be 64 hex digits")]
    public string KeySha256 { get; set; } = "";

    public WebRole Role { get; set; } = WebRole.ProcessLeader;

    /// <summary>For a process leader: the subproject ids, or <c>*</c> for all.</summary>
    public List<string> Subprojects { get; set; } = [];

    /// <summary>For a school leader: the school unit codes.</summary>
    public List<string> Schools { get; set; } = [];
}
