using System.Net;
using System.Net.Sockets;

namespace PlugInnan.TestSupport;

/// <summary>
/// Free ports on 127.0.0.1 for the servers the tests start (silos, PostgreSQL, an identity provider).
/// Taken below the system's ephemeral range (on Linux 32768–60999 by default), from which the system
/// gives every outgoing connection its local port: a port found free inside that range can be taken by
/// any new connection (to PostgreSQL, between silos) before the server binds it, and the server then
/// fails with "address already in use". Below it, only another server can take one. Chosen at random
/// and never handed out twice in one process.
/// </summary>
public static class LoopbackPorts
{
    private const int Lowest = 10_000;
    private static readonly int Highest = EphemeralStart() - 1;
    private static readonly HashSet<int> Given = [];

    public static int Free() => Free(1)[0];

    public static int[] Free(int count)
    {
        var ports = new List<int>();
        lock (Given)
        {
            while (ports.Count < count)
            {
                if (Given.Count > Highest - Lowest)
                {
                    throw new InvalidOperationException($"every port from {Lowest} to {Highest} was handed out");
                }

                var port = Random.Shared.Next(Lowest, Highest + 1);
                if (Given.Add(port) && Bindable(port))
                {
                    ports.Add(port);
                }
            }
        }

        return [.. ports];
    }

    private static bool Bindable(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralStart()
    {
        const string Range = "/proc/sys/net/ipv4/ip_local_port_range";
        var start = File.Exists(Range) && int.TryParse(File.ReadAllText(Range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var low) ? low : 32_768;
        return Math.Max(start, Lowest + 1_000);
    }
}
