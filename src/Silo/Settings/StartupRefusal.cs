using System.Net.Sockets;
using Microsoft.Extensions.Options;
using PlugInnan.Persistence;

namespace PlugInnan.Silo.Settings;

/// <summary>Tells a refusal the operator can fix (a setting, the database's schema) from a fault, wherever the host wrapped it.</summary>
internal static class StartupRefusal
{
    public static string? Find(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            switch (error)
            {
                case SettingsException or SchemaRefusedException:
                    return error.Message;
                case OptionsValidationException options:
                    return options.Message;
                case IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } } taken:
                    // Kestrel's message names the address; the operator changes Grpc:Endpoint:Port (or :Address).
                    return $"{taken.Message} Set Grpc:Endpoint:Port to a free port.";
            }
        }

        return null;
    }
}
