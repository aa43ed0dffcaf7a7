using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PlugInnan.Api.Access;

/// <summary>The configured clients, found by the SHA-256 of the key they present.</summary>
public sealed class ApiClients
{
    /// <summary>The key README's first calls use; only ever accepted for a loopback-only client.</summary>
    public const string DevelopmentKey = "local-development-key";

    private readonly Dictionary<string, ApiCaller> byKeyHash;

    public ApiClients(IOptions<ApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        byKeyHash = new Dictionary<string, ApiCaller>(StringComparer.Ordinal);
        foreach (var client in options.Value.Clients)
        {
            if (string.IsNullOrWhiteSpace(client.Name) || client.KeySha256.Length != 64 || !client.KeySha256.All(char.IsAsciiHexDigit) || client.Roles.Count == 0)
            {
                throw new InvalidOperationException(
                    $"{ApiOptions.Section}:Clients '{client.Name}' needs a Name, a KeySha256 of 64 hex digits and at least one of the Roles {string.Join(", ", Enum.GetNames<ApiRole>())}.");
            }

            var hash = client.KeySha256.ToLowerInvariant();
            if (hash == Hash(DevelopmentKey) && !client.LoopbackOnly)
            {
                throw new InvalidOperationException(
                    $"{ApiOptions.Section}:Clients '{client.Name}' uses the published development key without LoopbackOnly: give it a key of its own.");
            }

            if (!byKeyHash.TryAdd(hash, new ApiCaller(client.Name, client.Roles.ToHashSet(), client.Schools.ToHashSet(StringComparer.Ordinal), client.Subprojects.ToHashSet(StringComparer.Ordinal), client.LoopbackOnly)))
            {
                throw new InvalidOperationException($"{ApiOptions.Section}:Clients '{client.Name}' has the same key as another client.");
            }
        }
    }

    public IEnumerable<ApiCaller> All => byKeyHash.Values;

    /// <summary>The caller presenting <paramref name="key"/>, or null for an unknown key (or a loopback-only key from elsewhere).</summary>
    public ApiCaller? Find(string key, bool fromLoopback)
    {
        var caller = byKeyHash.GetValueOrDefault(Hash(key));
        return caller is { LoopbackOnly: true } && !fromLoopback ? null : caller;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
