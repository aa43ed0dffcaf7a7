using System.Security.Cryptography;
using System.Text;

namespace PlugInnan.Web.Access;

/// <summary>Keys configured by their SHA-256 (hex), as API clients are: compared in constant time.</summary>
public static class KeyHashes
{
    public static string Of(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key ?? "")));

    public static bool Matches(string presentedKey, string sha256Hex) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey ?? "")), Convert.FromHexString(sha256Hex));
}
