using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PlugInnan.Web.Access;
using PlugInnan.Web.Figures;

namespace PlugInnan.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>The cookie that carries a signed-in person, and the policy every page but the sign-in page requires.</summary>
    public const string Scheme = "Web";

    /// <summary>The municipality's identity provider, when configured.</summary>
    public const string ExternalScheme = "oidc";

    /// <summary>
    /// The pages (Razor Pages, every one behind sign-in but the sign-in page), the accounts, and the
    /// cookie: HTTP-only, SameSite=Lax, Secure whenever the endpoint has TLS, eight hours. The
    /// data-protection keys that sign cookies and anti-forgery tokens are kept in <paramref name="keyFolder"/>.
    /// </summary>
    /// <param name="certificate">The endpoint's TLS certificate, when it has one: the keys are then encrypted with it at rest.</param>
    public static IServiceCollection AddPlugInnanWeb(this IServiceCollection services, WebSettings settings, string keyFolder, X509Certificate2? certificate)
    {
        var tls = certificate is not null;
        services.AddSingleton(settings);
        // Swedish letters as they are in the pages' HTML, not as character references.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<WebAccounts>();
        services.AddSingleton<DashboardReader>();
        var protection = services.AddDataProtection().SetApplicationName("plug-innan").PersistKeysToFileSystem(new DirectoryInfo(keyFolder));
        if (certificate is not null)
        {
            protection.ProtectKeysWithCertificate(certificate);
        }

        services.AddAuthentication().AddCookie(Scheme, cookie =>
        {
            cookie.LoginPath = "/logga-in";
            cookie.LogoutPath = "/logga-ut";
            cookie.AccessDeniedPath = "/ingen-behorighet";
            cookie.Cookie.Name = "pluginnan";
            cookie.Cookie.HttpOnly = true;
            // Lax, not Strict: the sign-in through an identity provider comes back from another site.
            // Forms are protected by anti-forgery tokens either way.
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = tls ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        if (settings.OpenIdConnect.Enabled)
        {
            services.AddAuthentication().AddOpenIdConnect(ExternalScheme, oidc => ExternalSignIn.Configure(oidc, settings.OpenIdConnect, tls));
        }

        services.AddAuthorizationBuilder().AddPolicy(Scheme, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/", Scheme);
            pages.Conventions.AllowAnonymousToPage("/SignIn");
            pages.Conventions.AllowAnonymousToPage("/Forbidden");
        });
        services.AddAntiforgery(o => (o.Cookie.Name, o.Cookie.SecurePolicy) = ("pluginnan-af", tls ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest));
        return services;
    }

    /// <summary>The pages on <paramref name="hostPort"/> (<c>*:port</c>) only.</summary>
    public static IEndpointRouteBuilder MapPlugInnanWeb(this IEndpointRouteBuilder endpoints, string hostPort)
    {
        endpoints.MapRazorPages().RequireHost(hostPort);
        return endpoints;
    }
}
