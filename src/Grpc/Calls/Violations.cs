using Google.Rpc;
using Grpc.Core;

namespace PlugInnan.Api.Calls;

/// <summary>Collects every problem with a request, so the client hears of all of them at once.</summary>
public sealed class Violations
{
    private const int ListedInMessage = 3;
    private readonly List<BadRequest.Types.FieldViolation> found = [];

    public bool Any => found.Count > 0;

    public int Count => found.Count;

    public void Add(string field, string description) =>
        found.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });

    /// <summary>Adds the violation unless <paramref name="ok"/>; returns <paramref name="ok"/>.</summary>
    public bool Require(bool ok, string field, string description)
    {
        if (!ok)
        {
            Add(field, description);
        }

        return ok;
    }

    /// <summary>The refusal of a call because of one field, to throw.</summary>
    public static RpcException One(StatusCode code, string field, string description)
    {
        var violations = new Violations();
        violations.Add(field, description);
        return Refusal(code, $"1 problem(s) with the request: {field}: {description}", violations.found);
    }

    /// <summary>Ends the call with INVALID_ARGUMENT naming every field, if there is anything to name.</summary>
    public void ThrowIfAny() => ThrowIfAny(StatusCode.InvalidArgument);

    /// <summary>Ends the call with <paramref name="code"/> naming every field, if there is anything to name.</summary>
    public void ThrowIfAny(StatusCode code)
    {
        if (found.Count == 0)
        {
            return;
        }

        var listed = string.Join("; ", found.Take(ListedInMessage).Select(v => $"{v.Field}: {v.Description}"));
        var more = found.Count > ListedInMessage ? $"; and {found.Count - ListedInMessage} more (see the BadRequest details)" : "";
        throw Refusal(code, $"{found.Count} problem(s) with the request: {listed}{more}", found);
    }

    /// <summary>A google.rpc.Status with the BadRequest details, in grpc-status-details-bin.</summary>
    private static RpcException Refusal(StatusCode code, string message, IEnumerable<BadRequest.Types.FieldViolation> violations) =>
        new Google.Rpc.Status
        {
            Code = (int)code,
            Message = message,
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new BadRequest { FieldViolations = { violations } }) },
        }.ToRpcException();
}
