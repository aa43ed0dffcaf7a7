using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PlugInnan.Api.Calls;

/// <summary>
/// A page of a list RPC: its size and where it starts. Page tokens are opaque: the offset of the next
/// page, tied to the filters it was made for so a token is not reused with other filters by mistake.
/// </summary>
internal sealed record PageRequest(int Offset, int Size, string Filters)
{
    public const int DefaultSize = 100;
    public const int MaxSize = 1000;

    /// <summary>The page a request asks for; a bad size or a token that does not fit is a violation.</summary>
    public static PageRequest Read(Violations violations, int pageSize, string pageToken, string filters)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var size = violations.Require(pageSize is >= 0 and <= MaxSize, "page_size", $"must be 0–{MaxSize} (0 means {DefaultSize})") && pageSize > 0 ? pageSize : DefaultSize;
        return new PageRequest(OffsetOf(violations, pageToken, filters), size, filters);
    }

    /// <summary>This page of <paramref name="all"/>, and the token for the next one (empty on the last).</summary>
    public (List<T> Items, string NextPageToken) Take<T>(IReadOnlyList<T> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        var items = all.Skip(Offset).Take(Size).ToList();
        var next = Offset + items.Count;
        return (items, next >= all.Count ? "" : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{next.ToString(CultureInfo.InvariantCulture)}:{Fingerprint(Filters)}")));
    }

    private static int OffsetOf(Violations violations, string token, string filters)
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
