using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using SensorNode.Core.Board;
using SensorNode.Core.Web;

namespace SensorNode.HostBoard.Web
{
    /// <summary>
    /// The host twin of the device's web server: a TCP listener on loopback, one thread that takes one connection
    /// at a time (as the device's does), hands it to the core's <see cref="WebConsole"/> and closes it. A client that
    /// sends nothing is dropped after <see cref="ReadTimeoutMs"/>.
    /// </summary>
    public sealed class TcpWebServer : IDisposable
    {
        public const int ReadTimeoutMs = 3000;
        private readonly TcpListener _listener;
        private readonly WebConsole _console;
        private readonly Thread _thread;
        private volatile bool _stopping;

        public TcpWebServer(int port, WebConsole console)
        {
            _console = console;
            _listener = new TcpListener(IPAddress.Loopback, port);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _thread = new Thread(Run) { IsBackground = true, Name = "web server" };
            _thread.Start();
        }

        public int Port { get; }

        public void Dispose()
        {
            _stopping = true;
            _listener.Stop();
        }

        private void Run()
        {
            while (!_stopping)
            {
                TcpClient client;
                try
                {
                    client = _listener.AcceptTcpClient();
                }
                catch (Exception) when (_stopping)
                {
                    return;
                }
                catch (SocketException)
                {
                    continue;
                }

                using (client)
                {
                    client.ReceiveTimeout = ReadTimeoutMs;
                    client.SendTimeout = ReadTimeoutMs;
                    _console.Serve(new StreamConnection(client.GetStream()));
                }
            }
        }

        private sealed class StreamConnection : IHttpConnection
        {
            private readonly NetworkStream _stream;

            public StreamConnection(NetworkStream stream)
            {
                _stream = stream;
            }

            public int Read(byte[] buffer, int offset, int count)
            {
                try
                {
                    return _stream.Read(buffer, offset, count);
                }
                catch (IOException)
                {
                    return 0; // timeout or reset: the console answers nothing more
                }
            }

            public bool Write(byte[] buffer, int offset, int count)
            {
                try
                {
                    _stream.Write(buffer, offset, count);
                    return true;
                }
                catch (IOException)
                {
                    return false;
                }
            }
        }
    }
}
