using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PlugInnan.Grpc;

/// <summary>One call on the wire: length-prefixed messages in and out, compression, headers and status.</summary>
internal sealed class GrpcCall(
    HttpContext httpContext,
    GrpcMethod method,
    GrpcServerOptions options,
    DateTime deadline,
    bool requestCompressed,
    bool clientAcceptsGzip,
    CancellationToken cancellationToken)
{
    private const int HeaderSize = GrpcFraming.HeaderSize;
    private Metadata? requestHeaders;
    private bool headersSent;
    private bool responseGzip;

    public HttpContext HttpContext => httpContext;

    public GrpcMethod Method => method;

    /// <summary>Custom request metadata, read from the headers on first use (most calls never look).</summary>
    public Metadata RequestHeaders => requestHeaders ??= GrpcProtocol.ReadMetadata(httpContext.Request.Headers);

    public DateTime Deadline => deadline;

    public CancellationToken CancellationToken => cancellationToken;

    public string CorrelationId => httpContext.TraceIdentifier;

    public bool CompressResponses { get; set; } = options.CompressResponses;

    /// <summary>Whether the last request message read arrived compressed.</summary>
    public bool LastMessageCompressed { get; private set; }

    /// <summary>The one request message of a unary or server-streaming call.</summary>
    public async Task<T> ReadSingleMessageAsync<T>(MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        var message = await ReadMessageAsync(parser, cancellationToken)
            ?? throw new RpcException(StatusCode.Internal, "Request message is missing.");
        if (await ReadMessageAsync(parser, cancellationToken) is not null)
        {
            throw new RpcException(StatusCode.Internal, "More than one request message for a unary request.");
        }

        return message;
    }

    /// <summary>The next request message, or null when the client has half-closed.</summary>
    public async Task<T?> ReadMessageAsync<T>(MessageParser<T> parser, CancellationToken token)
        where T : class, IMessage<T>
    {
        var reader = httpContext.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(token);
            var buffer = result.Buffer;
            if (buffer.Length >= HeaderSize)
            {
                var (compressed, length) = ReadHeader(buffer);
                if (length > options.MaxReceiveMessageSize)
                {
                    reader.AdvanceTo(buffer.Start);
                    throw new RpcException(StatusCode.ResourceExhausted,
                        $"Received message larger than max ({length} vs. {options.MaxReceiveMessageSize}).");
                }

                if (buffer.Length >= HeaderSize + length)
                {
                    T message;
                    try
                    {
                        message = Parse(parser, buffer.Slice(HeaderSize, length), compressed);
                        LastMessageCompressed = compressed;
                    }
                    finally
                    {
                        reader.AdvanceTo(buffer.GetPosition(HeaderSize + length));
                    }

                    return message;
                }
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return buffer.Length == 0
                    ? null
                    : throw new RpcException(StatusCode.Internal, "Incomplete message: the request stream ended inside a message.");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>
    /// Writes one response message. Headers go out with it (no flush of their own); <paramref name="flush"/>
    /// false leaves the bytes for the end of the call, where the status trailers go out in the same write.
    /// </summary>
    public async Task WriteMessageAsync(IMessage message, bool? compress, bool flush = true)
    {
        var wantsCompression = (compress ?? CompressResponses) && clientAcceptsGzip;
        if (!headersSent)
        {
            PrepareHeaders(null, wantsCompression || (CompressResponses && clientAcceptsGzip));
        }

        var compressed = wantsCompression && responseGzip; // the encoding was fixed when the headers went out
        var writer = httpContext.Response.BodyWriter;
        if (compressed)
        {
            var payload = GrpcFraming.Gzip(message.ToByteArray());
            WriteHeader(writer, compressed: true, payload.Length);
            writer.Write(payload);
        }
        else
        {
            // Serialized straight into the response pipe: no intermediate array.
            var size = message.CalculateSize();
            WriteHeader(writer, compressed: false, size);
            message.WriteTo(writer.GetSpan(size)[..size]);
            writer.Advance(size);
        }

        if (flush)
        {
            await writer.FlushAsync(cancellationToken);
        }
    }

    private static void WriteHeader(System.IO.Pipelines.PipeWriter writer, bool compressed, int length)
    {
        var header = writer.GetSpan(HeaderSize);
        header[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)length);
        writer.Advance(HeaderSize);
    }

    /// <summary>Sends the response headers now (an explicit request of the handler).</summary>
    public async Task WriteHeadersAsync(Metadata? custom)
    {
        PrepareHeaders(custom, CompressResponses && clientAcceptsGzip);
        await httpContext.Response.BodyWriter.FlushAsync(cancellationToken);
    }

    /// <summary>Ends the call: status in trailers, or in the headers alone (trailers-only) when nothing was sent yet.</summary>
    public void WriteStatus(Status status, Metadata? trailers)
    {
        var response = httpContext.Response;
        if (httpContext.RequestAborted.IsCancellationRequested)
        {
            return; // the client reset the stream; nobody reads a status
        }

        if (!headersSent && !response.HasStarted)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = GrpcProtocol.ContentType;
            WriteStatusFields(status, trailers, (name, value) => response.Headers.Append(name, value));
        }
        else
        {
            WriteStatusFields(status, trailers, (name, value) => response.AppendTrailer(name, value));
        }
    }

    private void PrepareHeaders(Metadata? custom, bool gzip)
    {
        if (headersSent)
        {
            throw new InvalidOperationException("Response headers have already been sent.");
        }

        headersSent = true;
        responseGzip = gzip;
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;
        if (gzip)
        {
            response.Headers[GrpcProtocol.EncodingHeader] = "gzip";
        }

        foreach (var entry in custom ?? [])
        {
            response.Headers.Append(entry.Key, GrpcProtocol.FormatValue(entry));
        }
    }

    private static void WriteStatusFields(Status status, Metadata? trailers, Action<string, string> write)
    {
        write(GrpcProtocol.StatusHeader, ((int)status.Code).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (status.Detail.Length > 0)
        {
            write(GrpcProtocol.MessageHeader, StatusMessageEncoding.Encode(status.Detail));
        }

        if (status.Details is not null)
        {
            write(GrpcProtocol.StatusDetailsHeader, GrpcProtocol.ToBase64(status.Details.ToByteArray()));
        }

        foreach (var entry in trailers ?? [])
        {
            write(entry.Key, GrpcProtocol.FormatValue(entry));
        }
    }

    private static (bool Compressed, long Length) ReadHeader(ReadOnlySequence<byte> buffer)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        return header[0] switch
        {
            0 => (false, BinaryPrimitives.ReadUInt32BigEndian(header[1..])),
            1 => (true, BinaryPrimitives.ReadUInt32BigEndian(header[1..])),
            _ => throw new RpcException(StatusCode.Internal, $"Unknown message flag {header[0]}."),
        };
    }

    private T Parse<T>(MessageParser<T> parser, ReadOnlySequence<byte> payload, bool compressed)
        where T : class, IMessage<T>
    {
        if (compressed && !requestCompressed)
        {
            throw new RpcException(StatusCode.Internal, "A message is marked compressed but the request declares no grpc-encoding.");
        }

        try
        {
            return compressed ? parser.ParseFrom(GrpcFraming.Gunzip(payload.ToArray(), options.MaxReceiveMessageSize)) : parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException)
        {
            throw new RpcException(StatusCode.Internal, $"Failed to deserialize the request message ({typeof(T).Name}).");
        }
        catch (InvalidDataException)
        {
            throw new RpcException(StatusCode.Internal, "Failed to decompress the request message.");
        }
    }
}
