using Microsoft.Extensions.Primitives;

namespace PlugInnan.Grpc;

/// <summary>Names and encodings from PROTOCOL-HTTP2.md.</summary>
internal static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";
    public const string StatusDetailsHeader = "grpc-status-details-bin";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string SupportedEncodings = "identity,gzip";

    /// <summary>Headers that belong to HTTP or gRPC itself and are not custom metadata.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-type", "te", "host", "user-agent", "content-length", "accept-encoding", "connection",
    };

    /// <summary>Base64 without padding, which is what gRPC implementations should send.</summary>
    public static string ToBase64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    /// <summary>Accepts padded and unpadded base64.</summary>
    public static byte[] FromBase64(string text)
    {
        var trimmed = text.Trim();
        var padding = (4 - (trimmed.Length % 4)) % 4;
        return Convert.FromBase64String(padding == 0 ? trimmed : trimmed + new string('=', padding));
    }

    public static string FormatValue(Metadata.Entry entry) => entry.IsBinary ? ToBase64(entry.ValueBytes!) : entry.Value!;

    /// <summary>Custom metadata from request headers; -bin values decoded. Malformed metadata is an INTERNAL error.</summary>
    public static Metadata ReadMetadata(IEnumerable<KeyValuePair<string, StringValues>> headers)
    {
        try
        {
            return ReadMetadataOrThrow(headers);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new RpcException(StatusCode.Internal, "Malformed request metadata: " + e.Message);
        }
    }

    private static Metadata ReadMetadataOrThrow(IEnumerable<KeyValuePair<string, StringValues>> headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            if (name.StartsWith(':') || name.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase) || Reserved.Contains(name))
            {
                continue;
            }

            foreach (var value in values)
            {
                if (Metadata.IsBinaryKey(name))
                {
                    foreach (var part in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
                    {
                        metadata.Add(name, FromBase64(part));
                    }
                }
                else
                {
                    metadata.Add(name, value ?? "");
                }
            }
        }

        return metadata;
    }
}
