using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace PlugInnan.TestSupport;

/// <summary>
/// gRPC frames by hand over HttpClient's HTTP/2 (h2c prior knowledge), so tests can send what a
/// well-behaved client never would and look at every header and trailer.
/// </summary>
public static class RawGrpc
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { EnableMultipleHttp2Connections = true });

    public static byte[] Frame(IMessage message, bool compress = false) => Frame(message.ToByteArray(), compress);

    /// <summary>The length-prefixed message: a compressed flag, four bytes of length (big-endian), the payload (compressed by the caller).</summary>
    public static byte[] Frame(byte[] payload, bool compress = false)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var frame = new byte[5 + payload.Length];
        frame[0] = compress ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public static async Task<RawResponse> CallAsync(
        int port,
        string path,
        byte[] body,
        IReadOnlyDictionary<string, string>? headers = null,
        string contentType = "application/grpc",
        Version? version = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}{path}")
        {
            Version = version ?? HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var frames = new List<(bool Compressed, byte[] Payload)>();
        for (var offset = 0; offset + 5 <= bytes.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset + 1));
            if (length < 0 || offset + 5 + length > bytes.Length)
            {
                break; // not gRPC framing (an HTTP error page, say): no frames to show
            }

            frames.Add((bytes[offset] == 1, bytes[(offset + 5)..(offset + 5 + length)]));
            offset += 5 + length;
        }

        return new RawResponse(
            (int)response.StatusCode,
            response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value)),
            response.TrailingHeaders.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value)),
            frames);
    }

    public static byte[] Gunzip(byte[] payload)
    {
        using var input = new System.IO.Compression.GZipStream(new MemoryStream(payload), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}

public sealed record RawResponse(
    int HttpStatus,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Trailers,
    IReadOnlyList<(bool Compressed, byte[] Payload)> Frames)
{
    /// <summary>grpc-status from the trailers, or from the headers of a trailers-only response.</summary>
    public int? GrpcStatus => int.TryParse(Trailers.GetValueOrDefault("grpc-status") ?? Headers.GetValueOrDefault("grpc-status"), out var s) ? s : null;

    public string? GrpcMessage => Trailers.GetValueOrDefault("grpc-message") ?? Headers.GetValueOrDefault("grpc-message");

    public bool IsTrailersOnly => Headers.ContainsKey("grpc-status") && Trailers.Count == 0 && Frames.Count == 0;
}
