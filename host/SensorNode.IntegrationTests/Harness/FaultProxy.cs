using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>
    /// A loopback TCP proxy between a node and its broker that a test can break on purpose:
    /// <list type="bullet">
    /// <item><see cref="StopForwarding"/>: the path goes silent. Every socket stays open, every byte either way is
    /// swallowed, nothing is closed; a new connection is accepted and never answered (a black hole).</item>
    /// <item><see cref="Resume"/>: connections made before the silence forward again (what was swallowed is lost);
    /// new connections reach the broker. A connection accepted while silent stays a black hole, as a half-open
    /// TCP connection does when a path returns.</item>
    /// <item><see cref="Cut"/>: every current connection is reset, at both ends.</item>
    /// </list>
    /// Disposing stops listening and resets everything.
    /// </summary>
    public sealed class FaultProxy : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly string _upstreamHost;
        private readonly int _upstreamPort;
        private readonly PathSwitch _path = new PathSwitch();
        private readonly List<IDisposable> _connections = new List<IDisposable>();
        private readonly List<DateTime> _acceptedAt = new List<DateTime>();
        private bool _disposed;

        private FaultProxy(string upstreamHost, int upstreamPort)
        {
            _upstreamHost = upstreamHost;
            _upstreamPort = upstreamPort;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            Task.Run(AcceptLoop);
        }

        public string Host => "127.0.0.1";

        public int Port { get; }

        /// <summary>Local wall-clock time (the clock the simulator stamps its console with) of every connection accepted.</summary>
        public DateTime[] AcceptedAt
        {
            get
            {
                lock (_connections)
                {
                    return _acceptedAt.ToArray();
                }
            }
        }

        /// <summary>Forwards to the broker at <paramref name="upstreamHost"/>:<paramref name="upstreamPort"/> until told otherwise.</summary>
        public static FaultProxy Start(string upstreamHost, int upstreamPort)
        {
            return new FaultProxy(upstreamHost, upstreamPort);
        }

        public void StopForwarding()
        {
            _path.TurnOff();
        }

        public void Resume()
        {
            _path.TurnOn();
        }

        /// <summary>Resets every connection open now, forwarded or black-holed; the mode stays as it is.</summary>
        public void Cut()
        {
            IDisposable[] open;
            lock (_connections)
            {
                open = _connections.ToArray();
                _connections.Clear();
            }

            foreach (IDisposable connection in open)
            {
                connection.Dispose();
            }
        }

        public void Dispose()
        {
            lock (_connections)
            {
                _disposed = true;
            }

            _listener.Stop();
            Cut();
        }

        private async Task AcceptLoop()
        {
            while (true)
            {
                Socket client;
                try
                {
                    client = await _listener.AcceptSocketAsync();
                }
                catch (Exception)
                {
                    return; // stopped
                }

                DateTime acceptedAt = DateTime.Now;
                IDisposable connection = _path.IsOn ? await Forward(client) : new HeldSocket(client);
                lock (_connections)
                {
                    _acceptedAt.Add(acceptedAt);
                    if (_disposed)
                    {
                        connection?.Dispose();
                        return;
                    }

                    if (connection != null)
                    {
                        _connections.Add(connection);
                    }
                }
            }
        }

        /// <summary>Connects the client through to the broker; null (client reset) when the broker cannot be reached.</summary>
        private async Task<IDisposable> Forward(Socket client)
        {
            Socket upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await upstream.ConnectAsync(_upstreamHost, _upstreamPort);
            }
            catch (SocketException)
            {
                Sockets.Abort(upstream);
                Sockets.Abort(client);
                return null;
            }

            client.NoDelay = true;
            return new ProxiedConnection(client, upstream, _path);
        }
    }
}
