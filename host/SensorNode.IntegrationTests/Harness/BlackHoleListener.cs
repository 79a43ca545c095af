using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>
    /// A loopback port that accepts TCP connections and never answers: a broker that hangs, or a host behind a
    /// firewall that swallows the traffic. A client's TCP connect succeeds, its MQTT CONNECT gets no CONNACK, ever.
    /// Disposing closes the listener and every connection.
    /// </summary>
    public sealed class BlackHoleListener : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly List<HeldSocket> _held = new List<HeldSocket>();
        private bool _disposed;

        private BlackHoleListener()
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            Task.Run(AcceptLoop);
        }

        public string Host => "127.0.0.1";

        public int Port { get; }

        /// <summary>Connections accepted so far.</summary>
        public int Accepted
        {
            get
            {
                lock (_held)
                {
                    return _held.Count;
                }
            }
        }

        public static BlackHoleListener Start()
        {
            return new BlackHoleListener();
        }

        /// <summary>
        /// Waits until a connection is open (accepted, not closed by its peer): a client is then waiting for an
        /// answer that never comes. False when none was within <paramref name="timeout"/>.
        /// </summary>
        public bool WaitForOpenConnection(TimeSpan timeout)
        {
            Stopwatch waited = Stopwatch.StartNew();
            while (waited.Elapsed < timeout)
            {
                lock (_held)
                {
                    if (_held.Any(h => !h.PeerClosed))
                    {
                        return true;
                    }
                }

                Thread.Sleep(20);
            }

            return false;
        }

        public void Dispose()
        {
            _listener.Stop();
            lock (_held)
            {
                _disposed = true;
                foreach (HeldSocket held in _held)
                {
                    held.Dispose();
                }
            }
        }

        private async Task AcceptLoop()
        {
            while (true)
            {
                Socket accepted;
                try
                {
                    accepted = await _listener.AcceptSocketAsync();
                }
                catch (Exception)
                {
                    return; // stopped
                }

                lock (_held)
                {
                    if (_disposed)
                    {
                        Sockets.Abort(accepted);
                        return;
                    }

                    _held.Add(new HeldSocket(accepted));
                }
            }
        }
    }
}
