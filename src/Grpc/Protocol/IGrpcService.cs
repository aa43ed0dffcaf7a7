using Google.Protobuf.Reflection;

namespace PlugInnan.Grpc;

/// <summary>A gRPC service implementation: names its descriptor (from protoc) and binds a handler per method.</summary>
public interface IGrpcService
{
    ServiceDescriptor Descriptor { get; }

    void Bind(GrpcServiceBuilder builder);
}
