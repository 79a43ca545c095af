using System.Net;
using System.Net.Sockets;
using SensorNode.HostBoard.Brokers;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Simulator
{
    /// <summary>
    /// --broker '[::1]:PORT' is the IPv6 loopback at that port: a mosquitto listening only there (besides its usual
    /// IPv4 listener for the observer) sees the node come online. Before the one address parser, the host was taken
    /// as "[::1]:PORT" with the default port 1883.
    /// </summary>
    public class Ipv6BrokerTests
    {
        [SkippableFact]
        public void A_bracketed_ipv6_address_with_a_port_reaches_that_port()
        {
            Brokers.RequireMosquitto();
            int v6Port = FreeIpv6Port();
            using MosquittoBroker broker = MosquittoBroker.Start(extraConfig: new[] { "listener " + v6Port + " ::1" });
            using Observer observer = Observer.Watch(broker, "sensornode/#");
            string nodeId = "itv6" + System.Guid.NewGuid().ToString("N").Substring(0, 6);
            using SimulatorProcess node = SimulatorProcess.Start("[::1]", v6Port, nodeId);

            observer.WaitFor("sensornode/" + nodeId + "/status", "online", NodeUnderTest.StartTimeout);
        }

        private static int FreeIpv6Port()
        {
            TcpListener listener = new TcpListener(IPAddress.IPv6Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
