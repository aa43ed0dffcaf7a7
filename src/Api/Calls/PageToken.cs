using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PlugInnan.Api.Calls;

/// <summary>
/// Opaque page tokens: the offset of the next page, tied to the filters it was made for so a token is
/// not reused with other filters by mistake.
/// </summary>
internal static class PageToken
{
    public static string Next(int offset, int total, string filters) =>
        offset >= total ? "" : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{offset.ToString(CultureInfo.InvariantCulture)}:{Fingerprint(filters)}"));

    /// <summary>The offset a token stands for, 0 for none; a token that does not fit is a violation.</summary>
    public static int Offset(Violations violations, string token, string filters)
    {
        if (token.Length == 0)
        {
            return 0;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split(':');
            if (parts.Length == 2 && parts[1] == Fingerprint(filters) && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Reported below like any other token that does not fit.
        }

        violations.Add("page_token", "is not a next_page_token from this list with these filters");
        return 0;
    }

    private static string Fingerprint(string filters) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(filters)).AsSpan(0, 6));
}
