using System.Net;
using System.Security.Cryptography.X509Certificates;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using PlugInnan.Scheduling;
using PlugInnan.Silo.Settings;
using PlugInnan.Web;
using PlugInnan.Web.Access;

namespace PlugInnan.Silo;

public static class OperatorEndpointExtensions
{
    /// <summary>Only the process answering: for a liveness probe, which restarts a silo that hangs.</summary>
    public const string LivePath = "/health/live";

    /// <summary>Storage reachable, the silo active in its cluster and not draining: for a readiness probe and a load balancer.</summary>
    public const string ReadyPath = "/health/ready";

    public const string DashboardPath = "/hangfire";

    /// <summary>The operators' endpoint from <c>Silo:Operator</c>: Kestrel listening on it, and who may open the dashboard.</summary>
    public static WebApplicationBuilder AddOperatorEndpoint(this WebApplicationBuilder builder)
    {
        var endpoint = SettingsCheck.Read<OperatorEndpointSettings>(builder.Configuration, OperatorEndpointSettings.Section);
        var address = SettingsCheck.Address(endpoint.Address, $"{OperatorEndpointSettings.Section}:Address");
        if (!IPAddress.IsLoopback(address) && (string.IsNullOrEmpty(endpoint.CertificatePath) || endpoint.Accounts.Count == 0))
        {
            throw new SettingsException(
                $"{OperatorEndpointSettings.Section}:Address {address} is reachable from other machines: give the endpoint a CertificatePath and at least one of Accounts, or keep it on 127.0.0.1.");
        }

        PortCheck.RequireFree(address, endpoint.Port, $"{OperatorEndpointSettings.Section}:Port");
        builder.Services.AddSingleton(endpoint);
        var certificate = string.IsNullOrEmpty(endpoint.CertificatePath) ? null : X509CertificateLoader.LoadPkcs12FromFile(endpoint.CertificatePath, endpoint.CertificatePassword);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, endpoint.Port, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            if (certificate is not null)
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificate);
            }
        }));
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, OperatorAuthentication>(OperatorAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(OperatorAuthentication.SchemeName, policy => policy
            .AddAuthenticationSchemes(OperatorAuthentication.SchemeName)
            .RequireAuthenticatedUser());
        builder.Services.AddAntiforgery(); // Hangfire's dashboard protects its buttons with it when present
        AddWebPages(builder, address, certificate);
        return builder;
    }

    /// <summary>
    /// The pages for process leaders and school leaders, with the accounts from <c>Web</c>. The shipped
    /// development account (the published key) is refused unless the endpoint is on loopback.
    /// </summary>
    private static void AddWebPages(WebApplicationBuilder builder, IPAddress address, X509Certificate2? certificate)
    {
        var web = SettingsCheck.Read<WebSettings>(builder.Configuration, WebSettings.Section);

        if (!IPAddress.IsLoopback(address) && new WebAccounts(web).UsesDevelopmentKey())
        {
            throw new SettingsException(
                $"{WebSettings.Section}:Accounts has an account with the published development key, and {OperatorEndpointSettings.Section}:Address {address} is reachable from other machines: give every account a key of its own.");
        }

        builder.Services.AddPlugInnanWeb(web, Path.Combine("data", "keys"), certificate);
    }

    /// <summary>Liveness, readiness, the web pages and (where this silo runs the jobs) Hangfire's dashboard, on the operators' port only.</summary>
    public static WebApplication MapOperatorEndpoint(this WebApplication app)
    {
        var endpoint = app.Services.GetRequiredService<OperatorEndpointSettings>();
        var port = $"*:{endpoint.Port}";
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).RequireHost(port);
        app.MapHealthChecks(ReadyPath).RequireHost(port);
        app.MapPlugInnanWeb(port);
        if (app.Services.GetService<JobStorage>() is { } storage)
        {
            var dashboard = new DashboardOptions
            {
                DashboardTitle = "Plug Innan – schemalagda uppföljningar",
                AppPath = null,
                DisplayStorageConnectionString = false,
                TimeZoneResolver = app.Services.GetRequiredService<ITimeZoneResolver>(),
                // With accounts the policy decides; without (loopback only), requests from this machine only.
                Authorization = endpoint.Accounts.Count == 0 ? [new LocalRequestsOnlyAuthorizationFilter()] : [],
            };
            var mapped = app.MapHangfireDashboard(DashboardPath, dashboard, storage).RequireHost(port);
            if (endpoint.Accounts.Count > 0)
            {
                mapped.RequireAuthorization(OperatorAuthentication.SchemeName);
            }
        }

        return app;
    }
}
