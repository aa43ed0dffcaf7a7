using System.Net;
using System.Net.Sockets;

namespace PlugInnan.Silo.Settings;

internal static class PortCheck
{
    /// <summary>
    /// A taken port stops the silo here, in one line, before Orleans starts; Kestrel would fail later with
    /// the host logging a stack trace. (A port taken in between is still caught by StartupRefusal.)
    /// </summary>
    public static void RequireFree(IPAddress address, int port, string setting)
    {
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new SettingsException($"{address}:{port} is already in use: set {setting} to a free port, or stop what holds it.");
        }
    }
}
