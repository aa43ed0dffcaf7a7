using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Threading.Channels;
using Google.Protobuf;

namespace PlugInnan.Grpc.Client;

/// <summary>One call in progress: write requests, read responses, then the status. Dispose cancels it if unfinished.</summary>
public sealed class GrpcCallHandle<TRequest, TResponse> : IDisposable
    where TRequest : IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>, new()
{
    private static readonly MessageParser<TResponse> Parser = new(() => new TResponse());

    private readonly Channel<byte[]> outgoing = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource cancellation;
    private readonly CancellationTokenSource? deadline;
    private readonly bool compress;
    private readonly Task<HttpResponseMessage> responseTask;
    private Stream? body;
    private HttpResponseMessage? response;
    private Status? status;

    internal GrpcCallHandle(HttpClient http, Uri uri, CallOptions options)
    {
        compress = options.CompressRequests;
        var remaining = options.Deadline is { } at ? at - DateTime.UtcNow : (TimeSpan?)null;
        deadline = remaining is { } r ? new CancellationTokenSource(r > TimeSpan.Zero ? r : TimeSpan.Zero) : null;
        cancellation = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken, deadline?.Token ?? default);
        var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new FrameStreamContent(outgoing.Reader),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(GrpcProtocol.ContentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.SupportedEncodings);
        if (compress)
        {
            request.Headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, "gzip");
        }

        if (remaining is { } timeout)
        {
            request.Headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(timeout));
        }

        foreach (var entry in options.Headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(entry.Key, GrpcProtocol.FormatValue(entry));
        }

        responseTask = http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation.Token);
    }

    /// <summary>The response headers, as custom metadata.</summary>
    public async Task<Metadata> ResponseHeadersAsync()
    {
        var message = await ResponseAsync();
        return MetadataOf(message.Headers);
    }

    /// <summary>The status, once the response has been read to its end.</summary>
    public Status? Status => status;

    public async Task WriteAsync(TRequest message) =>
        await outgoing.Writer.WriteAsync(GrpcFraming.Frame(message.ToByteArray(), compress), cancellation.Token);

    /// <summary>Half-closes: no more requests.</summary>
    public Task CompleteAsync()
    {
        outgoing.Writer.TryComplete();
        return Task.CompletedTask;
    }

    /// <summary>The next response message, or null at the end (then a non-OK status throws <see cref="RpcException"/>).</summary>
    public async Task<TResponse?> ReadAsync()
    {
        try
        {
            var message = await ResponseAsync();
            if (status is not null)
            {
                return EndOrThrow();
            }

            body ??= await message.Content.ReadAsStreamAsync(cancellation.Token);
            var header = new byte[5];
            if (!await ReadExactlyOrEndAsync(body, header))
            {
                status = StatusFrom(message.TrailingHeaders);
                return EndOrThrow();
            }

            var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1))];
            if (!await ReadExactlyOrEndAsync(body, payload) && payload.Length > 0)
            {
                throw new RpcException(StatusCode.Internal, "The response ended inside a message.");
            }

            if (header[0] == 1)
            {
                payload = GrpcFraming.Gunzip(payload);
            }

            return Parser.ParseFrom(payload);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw deadline?.IsCancellationRequested == true
                ? new RpcException(StatusCode.DeadlineExceeded, "Deadline Exceeded")
                : new RpcException(StatusCode.Cancelled, "Call cancelled by the client.");
        }
        catch (HttpRequestException e)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, e.Message));
        }
    }

    /// <summary>Reads the end of the response; a further message is a protocol error.</summary>
    public async Task ExpectEndAsync()
    {
        if (await ReadAsync() is not null)
        {
            throw new RpcException(StatusCode.Internal, "The server sent more than one response message.");
        }
    }

    /// <summary>Response trailers, once the response has been read to its end.</summary>
    public Metadata Trailers() => response is null
        ? new Metadata()
        : MetadataOf(response.TrailingHeaders);

    /// <summary>Cancels the call (RST_STREAM); the server sees its cancellation token fire.</summary>
    public void Cancel()
    {
        cancellation.Cancel();
        outgoing.Writer.TryComplete(new OperationCanceledException(cancellation.Token));
    }

    public void Dispose()
    {
        if (status is null)
        {
            cancellation.Cancel();
        }

        body?.Dispose();
        response?.Dispose();
        cancellation.Dispose();
        deadline?.Dispose();
    }

    internal RpcException StatusError(string fallback) =>
        status is { Code: not StatusCode.OK } failed ? new RpcException(failed) : new RpcException(StatusCode.Internal, fallback);

    private async Task<HttpResponseMessage> ResponseAsync()
    {
        if (response is not null)
        {
            return response;
        }

        response = await responseTask;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            status = new Status(StatusCode.Internal, $"HTTP status {(int)response.StatusCode} from the server.");
        }
        else if (response.Headers.Contains(GrpcProtocol.StatusHeader))
        {
            status = StatusFrom(response.Headers); // trailers-only
        }

        return response;
    }

    private TResponse? EndOrThrow() => status!.Code == StatusCode.OK ? null : throw new RpcException(status);

    private static Metadata MetadataOf(HttpHeaders headers) =>
        GrpcProtocol.ReadMetadata(headers.Select(h => KeyValuePair.Create(h.Key, new Microsoft.Extensions.Primitives.StringValues([.. h.Value]))));

    private static Status StatusFrom(HttpHeaders headers)
    {
        string? Value(string name) => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
        if (!int.TryParse(Value(GrpcProtocol.StatusHeader), out var code))
        {
            return new Status(StatusCode.Internal, "The response carried no grpc-status.");
        }

        var details = Value(GrpcProtocol.StatusDetailsHeader) is { } bin
            ? Google.Rpc.Status.Parser.ParseFrom(GrpcProtocol.FromBase64(bin))
            : null;
        return new Status((StatusCode)code, StatusMessageEncoding.Decode(Value(GrpcProtocol.MessageHeader) ?? ""), details);
    }

    private async Task<bool> ReadExactlyOrEndAsync(Stream stream, byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellation.Token);
            if (n == 0)
            {
                return read == 0 ? false : throw new RpcException(StatusCode.Internal, "The response ended inside a message.");
            }

            read += n;
        }

        return true;
    }

    /// <summary>Request body that sends frames as the caller writes them.</summary>
    private sealed class FrameStreamContent(ChannelReader<byte[]> frames) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.FlushAsync(cancellationToken); // sends the request headers now: the server starts the call before any message
            await foreach (var frame in frames.ReadAllAsync(cancellationToken))
            {
                await stream.WriteAsync(frame, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
