using System.Buffers.Binary;
using System.IO.Compression;

namespace PlugInnan.Grpc;

/// <summary>gRPC's length-prefixed message: a compressed flag, a 4-byte big-endian length, the payload.</summary>
internal static class GrpcFraming
{
    public const int HeaderSize = 5;

    public static byte[] Frame(byte[] payload, bool compress)
    {
        if (compress)
        {
            payload = Gzip(payload);
        }

        var frame = new byte[HeaderSize + payload.Length];
        frame[0] = compress ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, HeaderSize);
        return frame;
    }

    public static byte[] Gzip(byte[] payload)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(payload);
        }

        return output.ToArray();
    }

    /// <summary>Decompresses, failing with RESOURCE_EXHAUSTED as soon as the output passes <paramref name="limit"/> bytes.</summary>
    public static byte[] Gunzip(byte[] payload, int limit = int.MaxValue)
    {
        using var input = new GZipStream(new MemoryStream(payload), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = input.Read(chunk)) > 0)
        {
            if (output.Length + read > limit)
            {
                throw new RpcException(StatusCode.ResourceExhausted, $"Decompressed message larger than max ({limit}).");
            }

            output.Write(chunk, 0, read);
        }

        return output.ToArray();
    }
}
