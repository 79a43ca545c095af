using System.Net;
using System.Net.Sockets;

namespace SensorNode.HostBoard.Brokers
{
    public static class LoopbackPorts
    {
        /// <summary>A port the OS just handed out on 127.0.0.1; a tiny race with other programs is accepted.</summary>
        public static int Free()
        {
            TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
