using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace PlugInnan.Grpc;

/// <summary>Thrown by a handler (or the protocol layer) to end a call with a non-OK status.</summary>
public sealed class RpcException : Exception
{
    public RpcException()
        : this(new Status(StatusCode.Unknown, "Unknown error."))
    {
    }

    public RpcException(string message)
        : this(new Status(StatusCode.Unknown, message))
    {
    }

    public RpcException(string message, Exception innerException)
        : base(message, innerException) => Status = new Status(StatusCode.Unknown, message);

    public RpcException(Status status)
        : base(status.ToString()) => Status = status;

    public RpcException(StatusCode code, string detail)
        : this(new Status(code, detail))
    {
    }

    public Status Status { get; }

    public StatusCode StatusCode => Status.Code;

    /// <summary>INVALID_ARGUMENT naming every offending field in a google.rpc.BadRequest detail.</summary>
    public static RpcException InvalidArgument(string detail, IEnumerable<BadRequest.Types.FieldViolation> violations) =>
        WithFieldViolations(StatusCode.InvalidArgument, detail, violations);

    /// <summary>A status that names the fields it is about in a google.rpc.BadRequest detail (e.g. NOT_FOUND for records of a batch).</summary>
    public static RpcException WithFieldViolations(StatusCode code, string detail, IEnumerable<BadRequest.Types.FieldViolation> violations)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations);
        var details = new Google.Rpc.Status { Code = (int)code, Message = detail };
        details.Details.Add(Any.Pack(badRequest));
        return new RpcException(new Status(code, detail, details));
    }
}
