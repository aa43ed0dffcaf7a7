using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;
using V1Alpha = global::Grpc.Reflection.V1Alpha;
using Microsoft.Extensions.DependencyInjection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace PlugInnan.Grpc;

/// <summary>
/// grpc.reflection.v1 server reflection: lists the services and serves their proto files (with
/// dependencies) by file name or by symbol, so tools can call the server without proto files.
/// </summary>
internal sealed class ReflectionService(IServiceProvider services) : IGrpcService
{
    private readonly Lazy<ReflectionIndex> index = new(() => new ReflectionIndex(services.GetRequiredService<GrpcDispatcher>().ServiceDescriptors));

    public ServiceDescriptor Descriptor => ReflectionReflection.Descriptor.Services.Single(s => s.Name == "ServerReflection");

    public void Bind(GrpcServiceBuilder builder) =>
        builder.DuplexStreaming<ServerReflectionRequest, ServerReflectionResponse>("ServerReflectionInfo", async (requests, responses, context) =>
        {
            while (await requests.MoveNext(context.CancellationToken))
            {
                await responses.WriteAsync(Answer(requests.Current));
            }
        });

    public ServerReflectionResponse Answer(ServerReflectionRequest request)
    {
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        var files = index.Value;
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                response.ListServicesResponse = new ListServiceResponse();
                response.ListServicesResponse.Service.AddRange(files.ServiceNames.Select(name => new ServiceResponse { Name = name }));
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                Answer(response, files.ByFileName(request.FileByFilename), $"File '{request.FileByFilename}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                Answer(response, files.BySymbol(request.FileContainingSymbol), $"Symbol '{request.FileContainingSymbol}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                if (files.BySymbol(request.AllExtensionNumbersOfType) is null)
                {
                    response.ErrorResponse = NotFound($"Type '{request.AllExtensionNumbersOfType}' not found.");
                }
                else
                {
                    response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = request.AllExtensionNumbersOfType };
                }

                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
                response.ErrorResponse = NotFound("Extensions are not used by this server.");
                break;
            default:
                response.ErrorResponse = new ErrorResponse { ErrorCode = (int)StatusCode.InvalidArgument, ErrorMessage = "Empty reflection request." };
                break;
        }

        return response;
    }

    private static void Answer(ServerReflectionResponse response, FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            response.ErrorResponse = NotFound(notFound);
            return;
        }

        response.FileDescriptorResponse = new FileDescriptorResponse();
        response.FileDescriptorResponse.FileDescriptorProto.AddRange(ReflectionIndex.WithDependencies(file).Select(f => f.SerializedData));
    }

    private static ErrorResponse NotFound(string message) => new() { ErrorCode = (int)StatusCode.NotFound, ErrorMessage = message };
}

/// <summary>grpc.reflection.v1alpha, the same protocol under its older name, still used by many tools.</summary>
internal sealed class ReflectionServiceV1Alpha(ReflectionService v1) : IGrpcService
{
    public ServiceDescriptor Descriptor =>
        V1Alpha.ReflectionReflection.Descriptor.Services.Single(s => s.Name == "ServerReflection");

    // The two versions have identical messages on the wire, so v1alpha is answered through v1.
    public void Bind(GrpcServiceBuilder builder) =>
        builder.DuplexStreaming<V1Alpha.ServerReflectionRequest, V1Alpha.ServerReflectionResponse>(
            "ServerReflectionInfo",
            async (requests, responses, context) =>
            {
                while (await requests.MoveNext(context.CancellationToken))
                {
                    var answer = v1.Answer(ServerReflectionRequest.Parser.ParseFrom(requests.Current.ToByteString()));
                    await responses.WriteAsync(V1Alpha.ServerReflectionResponse.Parser.ParseFrom(answer.ToByteString()));
                }
            });
}
