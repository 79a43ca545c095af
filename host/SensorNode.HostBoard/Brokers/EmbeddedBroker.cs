using System;
using System.Net;
using System.Reflection;
using System.Threading.Tasks;
using MQTTnet.Packets;
using MQTTnet.Server;

namespace SensorNode.HostBoard.Brokers
{
    /// <summary>
    /// MQTTnet's broker in this process: the simulator's zero-setup default and the second real broker of the
    /// integration tests. Listens on loopback only (IPv4 and IPv6), keeps retained messages in memory and honours
    /// Last-Wills and keep-alive like any MQTT 3.1.1 broker.
    /// </summary>
    public sealed class EmbeddedBroker : IBroker
    {
        private static readonly FieldInfo ConnectPacketField =
            typeof(ValidatingConnectionEventArgs).GetField("_connectPacket", BindingFlags.Instance | BindingFlags.NonPublic);

        private readonly MqttServer _server;

        private EmbeddedBroker(MqttServer server, int port)
        {
            _server = server;
            Port = port;
        }

        public string Name => "MQTTnet " + typeof(MqttServer).Assembly.GetName().Version.ToString(3);

        public string Host => "127.0.0.1";

        public int Port { get; }

        /// <summary>Starts the broker; throws (e.g. a SocketException) when the port is taken.</summary>
        public static EmbeddedBroker Start(int port)
        {
            MqttServerOptions options = new MqttServerOptionsBuilder()
                .WithDefaultEndpoint()
                .WithDefaultEndpointPort(port)
                .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
                .WithDefaultEndpointBoundIPV6Address(IPAddress.IPv6Loopback)
                .Build();
            MqttServer server = new MqttServerFactory().CreateMqttServer(options);
            server.ValidatingConnectionAsync += AssignMissingClientId;
            try
            {
                server.StartAsync().GetAwaiter().GetResult();
            }
            catch
            {
                server.Dispose();
                throw;
            }

            return new EmbeddedBroker(server, port);
        }

        /// <summary>Starts the broker on a free loopback port (for tests).</summary>
        public static EmbeddedBroker StartOnFreePort()
        {
            return Start(LoopbackPorts.Free());
        }

        /// <summary>
        /// MQTT 3.1.1 (3.1.3-6) lets a clean-session client connect with an empty client id and the broker assign one;
        /// mosquitto_sub and mosquitto_pub do exactly that. MQTTnet 5 assigns ids only to MQTT 5 clients and refuses
        /// the others, so the id is set on the CONNECT packet here; MqttConnectPacket.ClientId is public, only the
        /// event's reference to the packet is not. EmbeddedBrokerTests pins this behaviour to the MQTTnet version.
        /// </summary>
        private static Task AssignMissingClientId(ValidatingConnectionEventArgs connection)
        {
            if (string.IsNullOrEmpty(connection.ClientId) && connection.CleanSession != false
                && ConnectPacketField?.GetValue(connection) is MqttConnectPacket packet)
            {
                packet.ClientId = "auto-" + Guid.NewGuid().ToString("N");
            }

            return Task.CompletedTask;
        }

        public void Dispose()
        {
            try
            {
                _server.StopAsync(new MqttServerStopOptions()).Wait(TimeSpan.FromSeconds(5));
            }
            finally
            {
                _server.Dispose();
            }
        }
    }
}
