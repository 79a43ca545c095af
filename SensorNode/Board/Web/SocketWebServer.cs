using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using SensorNode.Board.Esp32;
using SensorNode.Core.Board;
using SensorNode.Core.Web;

namespace SensorNode.Board.Web
{
    /// <summary>
    /// The device's web server: a TCP socket on port 80 of every interface (the access point's in setup mode, the
    /// station's once online) and a thread of its own that takes one connection at a time, hands it to the core's
    /// <see cref="WebConsole"/> and closes it; the host's twin is the simulator's TcpWebServer. A client that sends
    /// nothing is dropped after <see cref="ReadTimeoutMs"/>, so one silent browser cannot hold the page from others.
    /// </summary>
    public sealed class SocketWebServer
    {
        public const int Port = 80;
        public const int ReadTimeoutMs = 3000;
        private const int AcceptRetryMs = 1000;

        // Connections waiting to be accepted: a browser opens two or three at once for one page.
        private const int Backlog = 3;

        private readonly WebConsole _console;
        private readonly ILog _log;

        public SocketWebServer(WebConsole console, ILog log)
        {
            _console = console;
            _log = log;
        }

        /// <summary>Starts listening on its own thread; a port that cannot be opened is logged, and the node runs on without its page.</summary>
        public void Start()
        {
            new Thread(Run).Start();
        }

        private void Run()
        {
            Socket listener;
            try
            {
                listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                listener.Bind(new IPEndPoint(IPAddress.Any, Port));
                listener.Listen(Backlog);
            }
            catch (Exception ex)
            {
                _log.Error("web page: cannot listen on port " + Port + ": " + ex.Message);
                return;
            }

            bool failing = false;
            while (true)
            {
                Socket client;
                try
                {
                    client = AcceptNext(listener);
                }
                catch (Exception ex)
                {
                    // No link yet (every socket fails until Wi-Fi has joined) or no socket free: again in a while,
                    // said once for a run of failures.
                    if (!failing)
                    {
                        _log.Warn("web page: no connections yet (" + ex.Message + "); trying every " + AcceptRetryMs + " ms");
                        failing = true;
                    }

                    Thread.Sleep(AcceptRetryMs);
                    continue;
                }

                failing = false;
                try
                {
                    client.ReceiveTimeout = ReadTimeoutMs;
                    client.SendTimeout = ReadTimeoutMs;
                    _console.Serve(new SocketConnection(client));
                }
                catch (Exception ex)
                {
                    // One connection's failure (a reset, no memory for its request) is that connection's only.
                    _log.Warn("web page: " + ex.Message);
                }
                finally
                {
                    client.Close();
                }
            }
        }

        /// <summary>
        /// <see cref="Socket.Accept"/> from a frame whose evaluation stack holds no stale reference (<see cref="InlineFrames"/>):
        /// nanoCLR inlines Accept, which waits until the next browser comes. Called from <see cref="Run"/>, the slot it
        /// took held the last reference Run had put there (the warning's string, the served connection), collected since.
        /// </summary>
        private static Socket AcceptNext(Socket listener)
        {
            InlineFrames.ClearFirstSlots(0, 0, 0);
            return listener.Accept();
        }

        /// <summary>One accepted socket as the console reads and writes it.</summary>
        private sealed class SocketConnection : IHttpConnection
        {
            private readonly Socket _socket;

            public SocketConnection(Socket socket)
            {
                _socket = socket;
            }

            public int Read(byte[] buffer, int offset, int count)
            {
                try
                {
                    return _socket.Receive(buffer, offset, count, SocketFlags.None);
                }
                catch (SocketException)
                {
                    return 0; // the read timeout passed or the peer reset: the console answers nothing more
                }
            }

            public bool Write(byte[] buffer, int offset, int count)
            {
                try
                {
                    while (count > 0)
                    {
                        int sent = _socket.Send(buffer, offset, count, SocketFlags.None);
                        offset += sent;
                        count -= sent;
                    }

                    return true;
                }
                catch (SocketException)
                {
                    return false;
                }
            }
        }
    }
}
