using System;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>
    /// One client's connection through a <see cref="FaultProxy"/>: two sockets and a pump each way. While the path
    /// is off, every byte read is dropped and nothing is closed, so neither end can tell from TCP that the other is
    /// gone (only MQTT's keep-alive, or a probe, can). A close by one end reaches the other only while the path is on.
    /// </summary>
    public sealed class ProxiedConnection : IDisposable
    {
        private readonly Socket _client;
        private readonly Socket _upstream;
        private readonly PathSwitch _path;
        private int _closed;

        public ProxiedConnection(Socket client, Socket upstream, PathSwitch path)
        {
            _client = client;
            _upstream = upstream;
            _path = path;
            Task.Run(() => Pump(_client, _upstream));
            Task.Run(() => Pump(_upstream, _client));
        }

        /// <summary>Breaks the connection: both ends get a TCP reset.</summary>
        public void Dispose()
        {
            if (System.Threading.Interlocked.Exchange(ref _closed, 1) == 0)
            {
                Sockets.Abort(_client);
                Sockets.Abort(_upstream);
            }
        }

        private async Task Pump(Socket from, Socket to)
        {
            byte[] buffer = new byte[16 * 1024];
            try
            {
                int read;
                while ((read = await from.ReceiveAsync(buffer, SocketFlags.None)) > 0)
                {
                    if (_path.IsOn)
                    {
                        await SendAll(to, buffer, read);
                    }

                    // Off: swallowed. The sender's TCP sees its bytes acknowledged, as behind a NAT or access point
                    // that lost the way on.
                }

                // One end closed. On a path that is off, nobody would hear of it: wait until it is on again.
                await _path.WhenOn;
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }

            Dispose();
        }

        private static async Task SendAll(Socket to, byte[] buffer, int count)
        {
            int sent = 0;
            while (sent < count)
            {
                sent += await to.SendAsync(new ArraySegment<byte>(buffer, sent, count - sent), SocketFlags.None);
            }
        }
    }
}
