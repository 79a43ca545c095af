using System;
using System.IO;
using System.Net.Sockets;
using System.Text;

namespace SensorNode.VirtualBoard.Tests
{
    /// <summary>A client of the board server's protocol, as the device's natives are one: a request line out, the reply line back.</summary>
    public sealed class BoardConnection : IDisposable
    {
        private readonly TcpClient _client;
        private readonly StreamReader _reader;
        private readonly StreamWriter _writer;

        /// <param name="address">"127.0.0.1:41234", as VESP32_BOARD names the server.</param>
        public BoardConnection(string address)
        {
            int colon = address.LastIndexOf(':');
            _client = new TcpClient(address.Substring(0, colon), int.Parse(address.Substring(colon + 1)));
            _client.ReceiveTimeout = 10000;
            NetworkStream stream = _client.GetStream();
            _reader = new StreamReader(stream, Encoding.ASCII);
            _writer = new StreamWriter(stream, new ASCIIEncoding()) { NewLine = "\n", AutoFlush = true };
        }

        /// <summary>A connection that says it is the device, as board_link does first.</summary>
        public static BoardConnection Device(string address)
        {
            BoardConnection device = new BoardConnection(address);
            string hello = device.Ask("hello device");
            return hello.StartsWith("ok ", StringComparison.Ordinal) ? device : throw new InvalidOperationException("hello refused: " + hello);
        }

        public string Ask(string request)
        {
            _writer.WriteLine(request);
            return _reader.ReadLine() ?? throw new IOException("the board server closed the connection");
        }

        public void Dispose()
        {
            _client.Dispose();
        }
    }
}
