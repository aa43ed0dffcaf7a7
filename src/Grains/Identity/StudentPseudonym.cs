using System.Security.Cryptography;
using System.Text;

namespace PlugInnan.Grains.Identity;

/// <summary>
/// Derives the pseudonymous student id, the student grain's key, from a civic number with a keyed
/// HMAC (SHA-256) whose key is a silo secret: the same number always gives the same id, and the id
/// cannot be turned back into the number, or guessed from it, without the key.
/// </summary>
public sealed class StudentPseudonym
{
    private const int MinimumKeyBytes = 32;
    private readonly byte[] key;

    public StudentPseudonym(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The pseudonymisation key must be at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        this.key = [.. key];
    }

    /// <summary>32 lower-case hex characters (128 bits of the HMAC).</summary>
    public string Derive(CivicNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var mac = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(number.Value));
        return Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }
}
