using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace SensorNode.VirtualBoard
{
    /// <summary>
    /// The board's socket: a TCP listener on loopback where the virtual ESP32 (and any test) sends request lines and
    /// gets reply lines (<see cref="BoardProtocol"/>). Each connection has a thread of its own, so a transaction held
    /// by a hanging chip delays only its sender, as on the bus.
    /// </summary>
    public sealed class BoardServer : IDisposable
    {
        private readonly object _sync = new object();
        private readonly BoardProtocol _protocol;
        private readonly TcpListener _listener;
        private readonly List<TcpClient> _clients = new List<TcpClient>();
        private readonly Thread _acceptThread;
        private bool _disposed;

        /// <param name="endpoint">Where to listen; port 0 takes a free one (<see cref="Address"/> says which).</param>
        public BoardServer(BoardProtocol protocol, IPEndPoint endpoint)
        {
            _protocol = protocol;
            _listener = new TcpListener(endpoint);
            _listener.Start();
            Address = (IPEndPoint)_listener.LocalEndpoint;
            _acceptThread = new Thread(AcceptLoop) { IsBackground = true, Name = "board server" };
            _acceptThread.Start();
        }

        /// <summary>The address it listens on: what VESP32_BOARD names ("127.0.0.1:41234").</summary>
        public IPEndPoint Address { get; }

        public void Dispose()
        {
            lock (_sync)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                _listener.Stop();
                foreach (TcpClient client in _clients)
                {
                    client.Dispose();
                }
            }

            _acceptThread.Join();
        }

        private void AcceptLoop()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = _listener.AcceptTcpClient();
                }
                catch (Exception ex) when (ex is SocketException || ex is ObjectDisposedException || ex is InvalidOperationException)
                {
                    return; // stopped
                }

                lock (_sync)
                {
                    if (_disposed)
                    {
                        client.Dispose();
                        return;
                    }

                    _clients.Add(client);
                }

                client.NoDelay = true; // one short reply per request: Nagle would only delay it
                new Thread(() => Serve(client)) { IsBackground = true, Name = "board connection" }.Start();
            }
        }

        private void Serve(TcpClient client)
        {
            BoardSession session = new BoardSession(client.Client.RemoteEndPoint?.ToString() ?? "?");
            try
            {
                using NetworkStream stream = client.GetStream();
                using StreamReader reader = new StreamReader(stream, Encoding.ASCII);
                using StreamWriter writer = new StreamWriter(stream, new ASCIIEncoding()) { NewLine = "\n", AutoFlush = true };
                string request;
                while ((request = reader.ReadLine()) != null)
                {
                    writer.WriteLine(_protocol.Handle(request, session));
                }
            }
            catch (Exception ex) when (ex is IOException || ex is ObjectDisposedException || ex is SocketException)
            {
                // the peer went away mid-line, or the server is stopping: the connection ends either way
            }
            finally
            {
                lock (_sync)
                {
                    _clients.Remove(client);
                }

                client.Dispose();
                _protocol.Disconnected(session);
            }
        }
    }
}
