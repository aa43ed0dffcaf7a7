namespace PlugInnan.Grpc;

public enum MethodKind
{
    Unary,
    ClientStreaming,
    ServerStreaming,
    DuplexStreaming,
}
