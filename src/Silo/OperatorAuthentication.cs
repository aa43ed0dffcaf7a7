using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PlugInnan.Silo.Settings;
using PlugInnan.Web.Access;

namespace PlugInnan.Silo;

/// <summary>
/// HTTP Basic for the operators' endpoint: the account name and its key, checked against the key's
/// SHA-256 in constant time. ASP.NET Core ships no Basic handler; this is the smallest one that asks a
/// browser for credentials (a challenge with WWW-Authenticate).
/// </summary>
internal sealed class OperatorAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, OperatorEndpointSettings settings)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Operator";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) || !"Basic".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)).Split(':', 2);
        }
        catch (FormatException)
        {
            return Task.FromResult(AuthenticateResult.Fail("malformed credentials"));
        }

        var account = settings.Accounts.FirstOrDefault(a => a.Name == parts[0] && KeyHashes.Matches(parts.Length == 2 ? parts[1] : "", a.KeySha256));
        if (account is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown account or key"));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, account.Name)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"Plug Innan drift\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }
}
