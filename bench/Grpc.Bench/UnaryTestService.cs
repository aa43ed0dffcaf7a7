using Google.Protobuf;
using Grpc.Core;
using Grpc.Testing;

namespace PlugInnan.Grpc.Bench;

/// <summary>grpc.testing.TestService/UnaryCall on the generated base: a payload of the requested size in zero bytes.</summary>
internal sealed class UnaryTestService : TestService.TestServiceBase
{
    public override Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context) =>
        Task.FromResult(new SimpleResponse { Payload = new Payload { Body = ByteString.CopyFrom(new byte[request.ResponseSize]) } });
}
