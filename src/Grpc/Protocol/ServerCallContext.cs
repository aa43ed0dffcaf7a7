using Microsoft.AspNetCore.Http;

namespace PlugInnan.Grpc;

/// <summary>What a handler and the interceptors know of the call in progress.</summary>
public sealed class ServerCallContext
{
    private readonly GrpcCall call;
    private Metadata? responseTrailers;
    private Dictionary<string, object?>? userState;

    internal ServerCallContext(GrpcCall call) => this.call = call;

    /// <summary>The method's path, <c>/package.Service/Method</c>.</summary>
    public string Method => call.Method.Path;

    public Metadata RequestHeaders => call.RequestHeaders;

    /// <summary>Custom trailers sent with the status.</summary>
    public Metadata ResponseTrailers => responseTrailers ??= new Metadata();

    /// <summary>The client's deadline (UTC), or <see cref="DateTime.MaxValue"/> when it set none.</summary>
    public DateTime Deadline => call.Deadline;

    /// <summary>Cancelled when the client cancels or the deadline passes.</summary>
    public CancellationToken CancellationToken => call.CancellationToken;

    /// <summary>Identifies the call in logs and in error messages sent to the client.</summary>
    public string CorrelationId => call.CorrelationId;

    public string Peer => call.HttpContext.Connection.RemoteIpAddress is { } ip
        ? $"{ip}:{call.HttpContext.Connection.RemotePort}"
        : "unknown";

    public HttpContext HttpContext => call.HttpContext;

    /// <summary>Values interceptors leave for handlers (for example the authenticated caller).</summary>
    public IDictionary<string, object?> UserState => userState ??= new Dictionary<string, object?>();

    internal Metadata? TrailersIfAny => responseTrailers;

    /// <summary>Whether responses are gzip-compressed (when the client accepts gzip).</summary>
    public bool CompressResponses
    {
        get => call.CompressResponses;
        set => call.CompressResponses = value;
    }

    /// <summary>Whether the last request message read arrived gzip-compressed.</summary>
    public bool RequestMessageCompressed => call.LastMessageCompressed;

    /// <summary>Sends the response headers now, with custom metadata; at most once, before the first message.</summary>
    public Task WriteResponseHeadersAsync(Metadata headers) => call.WriteHeadersAsync(headers);
}
