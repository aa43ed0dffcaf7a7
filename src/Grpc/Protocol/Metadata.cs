using System.Collections;

namespace PlugInnan.Grpc;

/// <summary>
/// Custom metadata of a call (request headers, response headers or trailers). Keys are lower case;
/// keys ending in <c>-bin</c> hold bytes and travel base64-encoded.
/// </summary>
public sealed class Metadata : IEnumerable<Metadata.Entry>
{
    public const string BinarySuffix = "-bin";

    private readonly List<Entry> entries = [];

    public int Count => entries.Count;

    public Metadata Add(string key, string value)
    {
        var normalized = Normalize(key);
        if (IsBinaryKey(normalized))
        {
            throw new ArgumentException($"Key '{key}' ends in -bin: add bytes, not text.", nameof(key));
        }

        entries.Add(new Entry(normalized, value, null));
        return this;
    }

    public Metadata Add(string key, byte[] value)
    {
        var normalized = Normalize(key);
        if (!IsBinaryKey(normalized))
        {
            throw new ArgumentException($"Binary values need a key ending in -bin; '{key}' does not.", nameof(key));
        }

        entries.Add(new Entry(normalized, null, value));
        return this;
    }

    /// <summary>The last entry with this key, or null.</summary>
    public Entry? Get(string key)
    {
        var normalized = Normalize(key);
        return entries.LastOrDefault(e => e.Key == normalized);
    }

    public string? GetValue(string key) => Get(key)?.Value;

    public byte[]? GetBytes(string key) => Get(key)?.ValueBytes;

    public IEnumerator<Entry> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static bool IsBinaryKey(string key) => key.EndsWith(BinarySuffix, StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var lower = key.ToLowerInvariant();
        if (lower.StartsWith("grpc-", StringComparison.Ordinal) || lower.StartsWith(':'))
        {
            throw new ArgumentException($"'{key}' is reserved for the gRPC protocol.", nameof(key));
        }

        foreach (var c in lower)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'))
            {
                throw new ArgumentException($"Metadata key '{key}' may hold only 0-9 a-z _ - .", nameof(key));
            }
        }

        return lower;
    }

    /// <summary>One metadata entry: text (<see cref="Value"/>) or bytes (<see cref="ValueBytes"/>, for -bin keys).</summary>
    public sealed record Entry(string Key, string? Value, byte[]? ValueBytes)
    {
        public bool IsBinary => ValueBytes is not null;
    }
}
