using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PlugInnan.TestSupport;

namespace PlugInnan.Web.Tests;

/// <summary>
/// A municipality's identity provider as the silo sees one: discovery document, signing keys, an
/// authorize endpoint that signs in <see cref="NextUser"/> at once, and a token endpoint that checks the
/// client secret and the PKCE verifier and issues an RS256-signed id token with the nonce it was given.
/// The OpenID Connect handler in the silo is the real one; only the provider is played here.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "pluginnan-web";
    public const string ClientSecret = "a-client-secret-for-the-test";
    private readonly RSA key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, (string Nonce, string Challenge, Dictionary<string, object> Claims)> codes = new();
    private WebApplication? app;

    public string Authority { get; private set; } = "";

    /// <summary>Who the next sign-in is, as claims (besides sub, nonce and the standard ones).</summary>
    public Dictionary<string, object> NextUser { get; set; } = [];

    public static async Task<FakeIdentityProvider> StartAsync()
    {
        var provider = new FakeIdentityProvider();
        var port = LoopbackPorts.Free();
        provider.Authority = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(provider.Authority);
        provider.app = builder.Build();
        provider.Map(provider.app);
        await provider.app.StartAsync();
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        key.Dispose();
    }

    private void Map(WebApplication web)
    {
        var signing = new RsaSecurityKey(key) { KeyId = "test-key" };
        web.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = $"{Authority}/authorize",
            ["token_endpoint"] = $"{Authority}/token",
            ["jwks_uri"] = $"{Authority}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        web.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(signing);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });
        web.MapGet("/authorize", (HttpRequest request) =>
        {
            var q = request.Query;
            if (q["client_id"] != ClientId || q["code_challenge_method"] != "S256" || q["response_type"] != "code")
            {
                return Results.BadRequest("not a code flow with PKCE for the known client");
            }

            var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            codes[code] = (q["nonce"].ToString(), q["code_challenge"].ToString(), new Dictionary<string, object>(NextUser));
            return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}");
        });
        web.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || !codes.TryRemove(form["code"].ToString(), out var issued))
            {
                return Results.BadRequest(new { error = "invalid_grant" });
            }

            var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
            if (challenge != issued.Challenge)
            {
                return Results.BadRequest(new { error = "invalid_grant", error_description = "PKCE verifier does not match" });
            }

            var claims = new Dictionary<string, object>(issued.Claims) { ["sub"] = "person-1", ["nonce"] = issued.Nonce };
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Authority, Audience = ClientId, Claims = claims, Expires = DateTime.UtcNow.AddMinutes(5),
                SigningCredentials = new SigningCredentials(signing, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { access_token = "not-used", token_type = "Bearer", expires_in = 300, id_token = idToken });
        });
    }
}
