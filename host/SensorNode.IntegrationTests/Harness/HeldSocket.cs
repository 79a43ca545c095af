using System;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>
    /// One TCP connection kept open and never answered: whatever the peer sends is read and dropped (so its writes
    /// never block and nothing tells it the far end is gone) until the peer closes it or this is disposed.
    /// </summary>
    public sealed class HeldSocket : IDisposable
    {
        private readonly Socket _socket;
        private volatile bool _peerClosed;

        public HeldSocket(Socket socket)
        {
            _socket = socket;
            Task.Run(Drain);
        }

        /// <summary>True once the peer closed its side (or the socket failed): the connection is over.</summary>
        public bool PeerClosed => _peerClosed;

        public void Dispose()
        {
            Sockets.Abort(_socket);
        }

        private async Task Drain()
        {
            byte[] buffer = new byte[4096];
            try
            {
                while (await _socket.ReceiveAsync(buffer, SocketFlags.None) > 0)
                {
                    // swallowed
                }
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }

            _peerClosed = true;
        }
    }
}
