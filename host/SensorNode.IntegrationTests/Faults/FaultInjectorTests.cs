using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Faults
{
    /// <summary>
    /// The fault injectors do what the fault tests rely on, shown with plain sockets (no MQTT, no node): so a fault
    /// test that fails points at the node, not at the proxy.
    /// </summary>
    public class FaultInjectorTests
    {
        private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300); // long enough to see that nothing comes

        [Fact]
        public void The_proxy_forwards_then_swallows_silently_then_forwards_again_then_cuts()
        {
            using TcpListener broker = new TcpListener(IPAddress.Loopback, 0);
            broker.Start();
            using FaultProxy proxy = FaultProxy.Start("127.0.0.1", ((IPEndPoint)broker.LocalEndpoint).Port);
            using Socket node = Connect(proxy.Port);
            using Socket brokerSide = broker.AcceptSocket();

            Send(node, "CONNECT");
            Assert.Equal("CONNECT", Receive(brokerSide));
            Send(brokerSide, "CONNACK");
            Assert.Equal("CONNACK", Receive(node));

            proxy.StopForwarding();
            Send(node, "PINGREQ"); // accepted by TCP, never delivered
            Send(brokerSide, "PUBLISH");
            Assert.False(brokerSide.Poll(Quiet, SelectMode.SelectRead), "the broker side got bytes or a close while the path was silent");
            Assert.False(node.Poll(Quiet, SelectMode.SelectRead), "the node side got bytes or a close while the path was silent");

            // A new connection while silent is accepted and never reaches the broker.
            using Socket late = Connect(proxy.Port);
            Send(late, "CONNECT");
            Assert.False(broker.Server.Poll(Quiet, SelectMode.SelectRead), "a connection made while silent reached the broker");
            Assert.False(late.Poll(Quiet, SelectMode.SelectRead), "a connection made while silent got an answer or a close");

            proxy.Resume();
            Send(node, "PUBLISH2");
            Assert.Equal("PUBLISH2", Receive(brokerSide)); // what was swallowed stays lost

            proxy.Cut();
            Assert.True(IsClosed(node), "the node side was not closed by the cut");
            Assert.True(IsClosed(brokerSide), "the broker side was not closed by the cut");
            Assert.True(IsClosed(late), "the black-holed connection was not closed by the cut");
        }

        [Fact]
        public void A_close_while_the_path_is_silent_reaches_the_other_end_only_when_the_path_returns()
        {
            using TcpListener broker = new TcpListener(IPAddress.Loopback, 0);
            broker.Start();
            using FaultProxy proxy = FaultProxy.Start("127.0.0.1", ((IPEndPoint)broker.LocalEndpoint).Port);
            Socket node = Connect(proxy.Port);
            using Socket brokerSide = broker.AcceptSocket();

            proxy.StopForwarding();
            node.Dispose();
            Assert.False(brokerSide.Poll(Quiet, SelectMode.SelectRead), "the broker heard of the close over a silent path");

            proxy.Resume();
            Assert.True(IsClosed(brokerSide), "the close did not reach the broker once the path returned");
        }

        [Fact]
        public void The_black_hole_accepts_and_never_answers()
        {
            using BlackHoleListener hole = BlackHoleListener.Start();
            Assert.False(hole.WaitForOpenConnection(TimeSpan.Zero));

            Socket client = Connect(hole.Port);
            Send(client, "CONNECT");
            Assert.True(hole.WaitForOpenConnection(TimeSpan.FromSeconds(5)));
            Assert.False(client.Poll(Quiet, SelectMode.SelectRead), "the black hole answered or closed");
            Assert.Equal(1, hole.Accepted);

            client.Dispose();
            System.Threading.Thread.Sleep(Quiet);
            Assert.False(hole.WaitForOpenConnection(TimeSpan.Zero), "a connection its client closed still counts as open");
        }

        private static Socket Connect(int port)
        {
            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 5000 };
            socket.Connect(IPAddress.Loopback, port);
            return socket;
        }

        private static void Send(Socket socket, string text)
        {
            socket.Send(Encoding.ASCII.GetBytes(text));
        }

        private static string Receive(Socket socket)
        {
            byte[] buffer = new byte[256];
            int read = socket.Receive(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read);
        }

        /// <summary>True when the socket reads end-of-stream or a reset within 5 s.</summary>
        private static bool IsClosed(Socket socket)
        {
            try
            {
                return socket.Poll(TimeSpan.FromSeconds(5), SelectMode.SelectRead) && socket.Receive(new byte[16]) == 0;
            }
            catch (SocketException)
            {
                return true; // reset
            }
        }
    }
}
