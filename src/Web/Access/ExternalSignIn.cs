using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PlugInnan.Web.Access;

/// <summary>
/// Sign-in through a municipality's identity provider: code flow with PKCE, the answer as a query (a
/// top-level redirect, so the Lax correlation cookies come back over plain HTTP on loopback too), and
/// the provider's claims turned into the pages' own: a role, and the subprojects or schools it covers.
/// </summary>
internal static class ExternalSignIn
{
    public static void Configure(OpenIdConnectOptions oidc, OpenIdConnectSettings settings, bool tls)
    {
        oidc.SignInScheme = WebServiceCollectionExtensions.Scheme;
        oidc.Authority = settings.Authority;
        oidc.ClientId = settings.ClientId;
        oidc.ClientSecret = settings.ClientSecret;
        oidc.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        oidc.UsePkce = true;
        oidc.SaveTokens = false;
        oidc.MapInboundClaims = false;
        oidc.GetClaimsFromUserInfoEndpoint = false;
        oidc.CallbackPath = "/signin-oidc";
        foreach (var cookie in new[] { oidc.CorrelationCookie, oidc.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = tls ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        }

        oidc.Events.OnTokenValidated = context =>
        {
            var claims = context.Principal!;
            if (!Enum.TryParse<WebRole>(claims.FindFirstValue(settings.RoleClaim), ignoreCase: false, out var role) || !Enum.IsDefined(role))
            {
                context.Fail($"the identity provider gave no {settings.RoleClaim} claim with a role the pages know");
                return Task.CompletedTask;
            }

            var name = claims.FindFirstValue("name") ?? claims.FindFirstValue("sub") ?? "";
            var user = new WebUser(
                name, role,
                claims.FindAll(settings.SubprojectClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
                claims.FindAll(settings.SchoolClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
            context.Principal = user.ToPrincipal(WebServiceCollectionExtensions.Scheme);
            return Task.CompletedTask;
        };
        oidc.Events.OnRemoteFailure = context =>
        {
            // Back to the sign-in page with a message, not an error page; the reason goes to the log.
            context.Response.Redirect("/logga-in?extern=nekad");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}
