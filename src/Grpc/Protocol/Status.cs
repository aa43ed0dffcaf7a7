namespace PlugInnan.Grpc;

/// <summary>The outcome of a call: a code, a developer-facing message and optional rich details.</summary>
public sealed record Status(StatusCode Code, string Detail, Google.Rpc.Status? Details = null)
{
    public static readonly Status Ok = new(StatusCode.OK, "");

    public override string ToString() => $"{Code}: {Detail}";
}
