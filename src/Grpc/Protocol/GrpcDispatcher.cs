using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PlugInnan.Grpc;

/// <summary>Serves every gRPC request: checks the protocol, finds the method, runs interceptors and handler, ends with a status.</summary>
internal sealed partial class GrpcDispatcher
{
    private readonly Dictionary<string, GrpcMethod> methods;
    private readonly HashSet<string> services;
    private readonly List<Google.Protobuf.Reflection.ServiceDescriptor> descriptors = [];
    private readonly GrpcServerOptions options;
    private readonly IServerInterceptor[] interceptors;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;

    public GrpcDispatcher(
        IEnumerable<IGrpcService> implementations,
        IEnumerable<IServerInterceptor> interceptors,
        IOptions<GrpcServerOptions> options,
        TimeProvider timeProvider,
        ILogger<GrpcDispatcher> logger)
    {
        var bound = new List<GrpcMethod>();
        foreach (var implementation in implementations)
        {
            var builder = new GrpcServiceBuilder(implementation.Descriptor);
            implementation.Bind(builder);
            bound.AddRange(builder.Methods);
            descriptors.Add(implementation.Descriptor);
        }

        methods = bound.ToDictionary(m => m.Path, StringComparer.Ordinal);
        services = bound.Select(m => m.Descriptor.Service.FullName).ToHashSet(StringComparer.Ordinal);
        this.interceptors = [.. interceptors];
        this.options = options.Value;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>Paths of every bound method, <c>/package.Service/Method</c>.</summary>
    public IEnumerable<string> MethodPaths => methods.Keys;

    /// <summary>Full names of the services with at least one bound method.</summary>
    public IReadOnlySet<string> ServiceNames => services;

    /// <summary>Descriptors of every registered service, for reflection.</summary>
    public IReadOnlyList<Google.Protobuf.Reflection.ServiceDescriptor> ServiceDescriptors => descriptors;

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (!HttpProtocol.IsHttp2(request.Protocol))
        {
            http.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            http.Response.Headers.Upgrade = "h2";
            return;
        }

        if (request.ContentType is not { } contentType || !IsGrpcContentType(contentType))
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        if (!methods.TryGetValue(request.Path.Value ?? "", out var method))
        {
            var service = (request.Path.Value ?? "").TrimStart('/').Split('/')[0];
            TrailersOnly(http, new Status(StatusCode.Unimplemented,
                services.Contains(service) ? "Method is unimplemented." : "Service is unimplemented."));
            return;
        }

        var encoding = request.Headers[GrpcProtocol.EncodingHeader].ToString();
        if (encoding.Length > 0 && encoding != "identity" && encoding != "gzip")
        {
            http.Response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;
            TrailersOnly(http, new Status(StatusCode.Unimplemented,
                $"Unsupported grpc-encoding '{encoding}'; supported: {GrpcProtocol.SupportedEncodings}."));
            return;
        }

        // Streams may be long and quiet: Kestrel's body size and data rate limits do not fit gRPC.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }

        if (http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = null;
        }

        var hasTimeout = GrpcTimeout.TryParse(request.Headers[GrpcProtocol.TimeoutHeader], out var timeout);
        if (hasTimeout && timeout <= TimeSpan.Zero)
        {
            TrailersOnly(http, new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
            return;
        }

        // Without a deadline the call's token is the request's own: no linked source to allocate.
        using var deadlineSource = hasTimeout ? new CancellationTokenSource(timeout, timeProvider) : null;
        using var callSource = hasTimeout ? CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, deadlineSource!.Token) : null;
        var deadline = hasTimeout ? timeProvider.GetUtcNow().UtcDateTime + timeout : DateTime.MaxValue;
        var acceptsGzip = request.Headers[GrpcProtocol.AcceptEncodingHeader].ToString().Contains("gzip", StringComparison.Ordinal);
        var call = new GrpcCall(
            http, method, options, deadline, encoding == "gzip", acceptsGzip, callSource?.Token ?? http.RequestAborted);
        var context = new ServerCallContext(call);

        Status status;
        try
        {
            await Invoke(0, call, context);
            status = Status.Ok;
        }
        catch (RpcException e)
        {
            status = e.Status;
        }
        catch (OperationCanceledException) when (deadlineSource?.IsCancellationRequested == true)
        {
            status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }
        catch (Exception e) when (http.RequestAborted.IsCancellationRequested)
        {
            LogCancelled(logger, e, method.Path, call.CorrelationId);
            return;
        }
        catch (Exception e)
        {
            // Internals stay in the log; the client gets the correlation id to quote.
            LogHandlerFailed(logger, e, method.Path, call.CorrelationId);
            status = new Status(StatusCode.Unknown, $"Exception was thrown by handler. Correlation id: {call.CorrelationId}");
        }

        if (status.Code != StatusCode.OK && deadlineSource?.IsCancellationRequested == true)
        {
            status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }

        call.WriteStatus(status, context.TrailersIfAny);
    }

    private Task Invoke(int index, GrpcCall call, ServerCallContext context) =>
        index < interceptors.Length
            ? interceptors[index].InterceptAsync(context, () => Invoke(index + 1, call, context))
            : call.Method.InvokeAsync(call, context);

    private static void TrailersOnly(HttpContext http, Status status)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = GrpcProtocol.ContentType;
        http.Response.Headers[GrpcProtocol.StatusHeader] = ((int)status.Code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers[GrpcProtocol.MessageHeader] = StatusMessageEncoding.Encode(status.Detail);
    }

    private static bool IsGrpcContentType(string contentType) =>
        contentType.Equals(GrpcProtocol.ContentType, StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith(GrpcProtocol.ContentType + "+", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith(GrpcProtocol.ContentType + ";", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Error, Message = "gRPC handler for {Method} failed (correlation id {CorrelationId})")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string method, string correlationId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "gRPC call {Method} ended by the client (correlation id {CorrelationId})")]
    private static partial void LogCancelled(ILogger logger, Exception exception, string method, string correlationId);
}
