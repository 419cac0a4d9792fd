using System.Net;
using System.Net.Sockets;

namespace Safedrop.Testing;

/// <summary>Finds a TCP port on the loopback address that nothing listens on right now.</summary>
public static class FreePort
{
    public static int Next()
    {
        // The kernel picks an unused port for port 0; we release it at once for the server to take.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
