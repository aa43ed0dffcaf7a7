using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using PlugInnan.Api.Access;
using PlugInnan.Grains;
using Grpc.Core;
using PlugInnan.Persistence;

namespace PlugInnan.Api.Calls;

/// <summary>
/// How the services call the grains: a write with a request id runs once (a resend gets the first
/// answer), a stale-state conflict is retried here and never shown to the client, and the domain's
/// refusals become gRPC statuses naming the field.
/// </summary>
public sealed class ApiCalls(IRequestLog requests)
{
    private const int Attempts = 3;
    private static readonly TimeSpan RejectionBackoff = TimeSpan.FromMilliseconds(200);

    /// <summary>Runs <paramref name="write"/> once per (client, request id) and keeps its answer for resends.</summary>
    /// <param name="fieldNames">The request's names for fields the domain names otherwise (domain name to request name).</param>
    public async Task<TResponse> OnceAsync<TResponse>(
        ServerCallContext context, IMessage request, string requestId, Func<Task<TResponse>> write, IReadOnlyDictionary<string, string>? fieldNames = null)
        where TResponse : IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(write);
        var client = CallerInterceptor.Caller(context).Name;
        var hash = SHA256.HashData([.. Encoding.UTF8.GetBytes(context.Method), .. request.ToByteArray()]);
        if (await requests.FindAsync(client, requestId, context.CancellationToken) is { } earlier)
        {
            if (earlier.Method != context.Method || !earlier.RequestHash.AsSpan().SequenceEqual(hash))
            {
                throw Violations.One(StatusCode.InvalidArgument, "request_id", "was already used for a different request; use a new id for a new request");
            }

            var parser = new MessageParser<TResponse>(() => new TResponse());
            return parser.ParseFrom(earlier.Response);
        }

        var response = await RunAsync(write, fieldNames);
        await requests.SaveAsync(client, requestId, new RecordedResponse(context.Method, hash, response.ToByteArray()), CancellationToken.None);
        return response;
    }

    /// <summary>Runs a grain call, retrying a lost race for stored state, and turns domain refusals into statuses.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, IReadOnlyDictionary<string, string>? fieldNames = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (InconsistentStateException) when (attempt < Attempts)
            {
                // Another silo wrote first; the grain has read the stored state again, so try again.
            }
            catch (InconsistentStateException e)
            {
                throw new RpcException(new Status(StatusCode.Aborted, $"The record kept changing under {Attempts} attempts; try again. ({e.Message})"));
            }
            catch (InvalidRecordException e)
            {
                throw Violations.One(StatusCode.InvalidArgument, fieldNames?.GetValueOrDefault(e.Field) ?? e.Field, e.Message);
            }
            catch (RecordNotFoundException e)
            {
                throw Violations.One(StatusCode.NotFound, fieldNames?.GetValueOrDefault(e.Field) ?? e.Field, e.Message);
            }
            catch (OrleansMessageRejectionException) when (attempt < Attempts)
            {
                // Orleans turned the call away before the grain ran it (an activation moving while the cluster
                // changes): safe to send again after a moment.
                await Task.Delay(RejectionBackoff * attempt);
            }
            catch (Exception e) when (e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
            {
                // The silo holding the record went away or did not answer in time; Orleans places the grain on a
                // live silo at the next call. Whether this write took effect is unknown, so the client resends
                // it (with the same request id, which makes the resend safe). The cause goes to the log only.
                throw new RpcException(new Status(StatusCode.Unavailable, "The record could not be reached just now; send the request again.", e));
            }
        }
    }

    /// <summary>An id for a record created by a request: the same request id always gives the same record id.</summary>
    public static string DerivedId(string prefix, ServerCallContext context, string requestId)
    {
        var client = CallerInterceptor.Caller(context).Name;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{client}\n{requestId}"));
        return $"{prefix}_{Convert.ToHexStringLower(hash.AsSpan(0, 10))}";
    }
}
