namespace PlugInnan.Grpc.Client;

/// <summary>Per-call settings of the .NET client.</summary>
public sealed record CallOptions
{
    public static readonly CallOptions Default = new();

    /// <summary>Custom request metadata.</summary>
    public Metadata? Headers { get; init; }

    /// <summary>Absolute deadline (UTC); sent as grpc-timeout and enforced here too.</summary>
    public DateTime? Deadline { get; init; }

    public CancellationToken CancellationToken { get; init; }

    /// <summary>Whether request messages are gzip-compressed.</summary>
    public bool CompressRequests { get; init; }
}
