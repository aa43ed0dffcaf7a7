using System.ComponentModel.DataAnnotations;

namespace PlugInnan.Api.Hosting;

/// <summary>Section <c>Grpc:Server</c>: applied to Grpc.AspNetCore's <c>GrpcServiceOptions</c>.</summary>
public sealed class GrpcServerSettings
{
    public const string Section = "Grpc:Server";

    /// <summary>Largest request message accepted (<c>GrpcServiceOptions.MaxReceiveMessageSize</c>); larger ones get RESOURCE_EXHAUSTED.</summary>
    [Range(1, int.MaxValue)]
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Whether responses are gzip-compressed when the client accepts gzip (<c>GrpcServiceOptions.ResponseCompressionAlgorithm</c>).</summary>
    public bool CompressResponses { get; set; }
}
