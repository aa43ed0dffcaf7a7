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
    Metadata requestHeaders,
    DateTime deadline,
    string correlationId,
    bool requestCompressed,
    bool clientAcceptsGzip,
    CancellationToken cancellationToken)
{
    private const int HeaderSize = GrpcFraming.HeaderSize;
    private bool headersSent;
    private bool responseGzip;

    public HttpContext HttpContext => httpContext;

    public GrpcMethod Method => method;

    public Metadata RequestHeaders => requestHeaders;

    public DateTime Deadline => deadline;

    public CancellationToken CancellationToken => cancellationToken;

    public string CorrelationId => correlationId;

    public bool CompressResponses { get; set; } = options.CompressResponses;

    public bool HeadersSent => headersSent;

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

    public async Task WriteMessageAsync(IMessage message, bool? compress)
    {
        var wantsCompression = (compress ?? CompressResponses) && clientAcceptsGzip;
        if (!headersSent)
        {
            await WriteHeadersAsync(null, wantsCompression || (CompressResponses && clientAcceptsGzip));
        }

        var payload = message.ToByteArray();
        var compressed = wantsCompression && responseGzip; // the encoding was fixed when the headers went out
        if (compressed)
        {
            payload = GrpcFraming.Gzip(payload);
        }

        var writer = httpContext.Response.BodyWriter;
        var header = writer.GetSpan(HeaderSize);
        header[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)payload.Length);
        writer.Advance(HeaderSize);
        await writer.WriteAsync(payload, cancellationToken);
    }

    public Task WriteHeadersAsync(Metadata? custom) => WriteHeadersAsync(custom, CompressResponses && clientAcceptsGzip);

    /// <summary>Ends the call: status in trailers, or in the headers alone (trailers-only) when nothing was sent yet.</summary>
    public void WriteStatus(Status status, Metadata trailers)
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

    private async Task WriteHeadersAsync(Metadata? custom, bool gzip)
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

        await response.BodyWriter.FlushAsync(cancellationToken);
    }

    private static void WriteStatusFields(Status status, Metadata trailers, Action<string, string> write)
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

        foreach (var entry in trailers)
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
