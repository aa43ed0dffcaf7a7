using System.Security.Claims;

namespace PlugInnan.Web.Access;

/// <summary>
/// A signed-in person as the pages check them: role and what they cover, from the cookie's claims.
/// Every page asks this before it reads anything.
/// </summary>
public sealed record WebUser(string Name, WebRole Role, IReadOnlySet<string> Subprojects, IReadOnlySet<string> Schools)
{
    public const string RoleClaim = "pluginnan:role";
    public const string SubprojectClaim = "pluginnan:subproject";
    public const string SchoolClaim = "pluginnan:school";

    public bool AllSubprojects => Role == WebRole.ProcessLeader && Subprojects.Contains("*");

    public bool SeesSubproject(string id) => Role == WebRole.ProcessLeader && (AllSubprojects || Subprojects.Contains(id));

    /// <summary>A school leader their own school; a process leader a school of one of their subprojects (<paramref name="inSubprojects"/>).</summary>
    public bool SeesSchool(string code, IEnumerable<string> inSubprojects) =>
        Role == WebRole.SchoolLeader ? Schools.Contains(code) : inSubprojects.Any(SeesSubproject);

    public static WebUser From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var role = Enum.TryParse<WebRole>(principal.FindFirstValue(RoleClaim), out var parsed) ? parsed : throw new InvalidOperationException("no role claim");
        return new WebUser(
            principal.Identity?.Name ?? "",
            role,
            principal.FindAll(SubprojectClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            principal.FindAll(SchoolClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, Name), new(RoleClaim, Role.ToString()) };
        claims.AddRange(Subprojects.Select(s => new Claim(SubprojectClaim, s)));
        claims.AddRange(Schools.Select(s => new Claim(SchoolClaim, s)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
