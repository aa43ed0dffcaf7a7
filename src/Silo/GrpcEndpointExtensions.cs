using System.Net;
using System.Net.Sockets;
using PlugInnan.Api;
using PlugInnan.Api.Hosting;
using PlugInnan.Silo.Settings;

namespace PlugInnan.Silo;

public static class GrpcEndpointExtensions
{
    /// <summary>
    /// The gRPC endpoint from <c>Grpc:Endpoint</c> (h2c on 127.0.0.1:50051 unless configured, TLS with a
    /// certificate), Grpc.AspNetCore with the settings from <c>Grpc:Server</c>, health checking that
    /// means the silo is active in its cluster and its storage answers, server reflection, and the
    /// pluginnan.v1 API with its clients from <c>Api</c>.
    /// </summary>
    public static WebApplicationBuilder AddGrpcEndpoint(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration.GetSection(GrpcEndpointSettings.Section).Get<GrpcEndpointSettings>() ?? new GrpcEndpointSettings();
        RequireFree(endpoint);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenForGrpc(endpoint));
        builder.Services.AddSingleton(endpoint);
        builder.Services.AddPlugInnanApi(builder.Configuration);
        builder.Services.AddHealthChecks().AddCheck<SiloActiveHealthCheck>("silo");
        return builder;
    }

    /// <summary>
    /// A taken port stops the silo here, in one line, before Orleans starts; Kestrel would fail later with
    /// the host logging a stack trace. (A port taken in between is still caught by StartupRefusal.)
    /// </summary>
    private static void RequireFree(GrpcEndpointSettings endpoint)
    {
        if (!IPAddress.TryParse(endpoint.Address, out var address))
        {
            throw new SettingsException($"{GrpcEndpointSettings.Section}:Address '{endpoint.Address}' is not an IP address.");
        }

        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(new IPEndPoint(address, endpoint.Port));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new SettingsException(
                $"{GrpcEndpointSettings.Section} {address}:{endpoint.Port} is already in use: set {GrpcEndpointSettings.Section}:Port to a free port, or stop what holds it.");
        }
    }
}
