using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using SensorNode.Core.Board;
using SensorNode.Core.Web;
using SensorNode.Tests;
using SensorNode.Tests.Fakes;
using Xunit;
using Xunit.Abstractions;

namespace SensorNode.FuzzTests
{
    /// <summary>
    /// The web console's inputs as the MQTT inputs are fuzzed: the request parser with any bytes (mutations of real
    /// browser and curl requests, random bytes), and a whole node's <see cref="WebConsole"/> served such bytes in
    /// arbitrary pieces. Nothing may throw; what the parser accepts must be a request it can act on; what it refuses
    /// must carry a status and a reason; a prefix of a complete request is never complete; the console answers each
    /// connection with at most one well-formed response, and without the password never with a 2xx.
    /// </summary>
    public sealed class HttpFuzzTests
    {
        private const string Password = "fuzz-password";
        private static readonly string Auth = "Authorization: Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes("admin:" + Password)) + "\r\n";
        private static readonly int[] Statuses = { 400, 405, 411, 413, 414, 431, 501, 505 };

        private static readonly byte[][] Requests =
        {
            Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: 192.168.4.1\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0\r\nAccept: text/html,*/*;q=0.8\r\nAccept-Encoding: gzip, deflate\r\n" + Auth + "\r\n"),
            Encoding.ASCII.GetBytes("GET /s?t=1 HTTP/1.1\r\nHost: localhost:8080\r\n" + Auth + "\r\n"),
            Encoding.ASCII.GetBytes("POST /config HTTP/1.1\r\nHost: localhost:8080\r\nOrigin: http://localhost:8080\r\nContent-Type: text/plain\r\nContent-Length: 53\r\n" + Auth + "\r\n{\"broker_host\":\"192.168.1.20\",\"broker_port\":1883}   "),
            Encoding.ASCII.GetBytes("POST /a/relay HTTP/1.0\r\nHost: localhost:8080\r\nOrigin: http://localhost:8080\r\nContent-Length: 2\r\n" + Auth + "\r\nON"),
            Encoding.ASCII.GetBytes("POST /a/strip HTTP/1.1\r\nhost: a\r\norigin: http://a\r\ncontent-length: 3\r\n" + Auth + "\r\n40%"),
        };

        private static readonly Gen<byte[]> Input = Gen.Frequency(
            (6, Payloads.Mutated(Requests)),
            (2, Payloads.RandomBytes),
            (1, Gen.Int[0, Requests.Length - 1].Select(i => Requests[i])));

        private readonly ITestOutputHelper _output;

        public HttpFuzzTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void The_request_parser_takes_any_bytes()
        {
            Fuzz.Run(_output, "http-request", 3, Input, bytes =>
            {
                byte[] buffer = new byte[WebConsole.MaxHeadBytes + WebConsole.MaxBodyBytes];
                int length = Math.Min(bytes.Length, buffer.Length);
                Array.Copy(bytes, buffer, length);
                HttpRequest request = new HttpRequest();
                HttpParse result = HttpRequestParser.Parse(buffer, length, WebConsole.MaxBodyBytes, request);
                if (result == HttpParse.Complete)
                {
                    if (request.Method == HttpMethod.Other || request.Path == null || request.Path[0] != '/' || request.Path.Length > HttpRequestParser.MaxPathChars
                        || request.Path.Any(c => c <= ' ' || c >= 0x7F || c == '?') || request.Host == null
                        || request.BodyLength > WebConsole.MaxBodyBytes || request.BodyOffset + request.BodyLength > length)
                    {
                        Fuzz.Fail("accepted a request it cannot act on: " + request.Method + " " + request.Path + " body " + request.BodyOffset + "+" + request.BodyLength, bytes);
                    }

                    // Every shorter prefix that ends before the body does is not a request yet.
                    HttpRequest shorter = new HttpRequest();
                    for (int cut = 0; cut < request.BodyOffset + request.BodyLength; cut += 1 + cut / 8)
                    {
                        if (HttpRequestParser.Parse(buffer, cut, WebConsole.MaxBodyBytes, shorter) == HttpParse.Complete)
                        {
                            Fuzz.Fail("a prefix of " + cut + " bytes was already complete", bytes);
                        }
                    }
                }
                else if (result == HttpParse.Bad && (Array.IndexOf(Statuses, request.Status) < 0 || string.IsNullOrEmpty(request.Error)))
                {
                    Fuzz.Fail("refused without a status and reason: " + request.Status + " " + request.Error, bytes);
                }
            });
        }

        [ThreadStatic]
        private static NodeHarness _node;

        [ThreadStatic]
        private static WebConsole _console;

        [ThreadStatic]
        private static int _served;

        private static readonly Gen<(byte[] Bytes, int[] Pieces, bool WithPassword)> Connection =
            Gen.Select(Input, Gen.Int[1, 200].Array[1, 6], Gen.Bool);

        [Fact]
        public void A_node_s_web_console_answers_any_bytes_with_at_most_one_response()
        {
            Fuzz.Run(_output, "http-console", 2, Connection, c =>
            {
                if (_node == null || ++_served % 64 == 0)
                {
                    _node = new NodeHarness { Strip = new FakeDimmer() }.Start();
                    _console = new WebConsole(_node.Node, Password, null);
                }

                byte[] bytes = c.WithPassword ? c.Bytes : Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(c.Bytes).Replace(Password, "wrong-password"));
                bytes = c.WithPassword ? bytes : Replace(bytes, Auth, "");
                PiecewiseConnection connection = new PiecewiseConnection(bytes, c.Pieces);
                _console.Serve(connection);
                string answer = Encoding.UTF8.GetString(connection.Written.ToArray());
                if (answer.Length == 0)
                {
                    return; // the peer closed before a byte: nothing to answer
                }

                if (!System.Text.RegularExpressions.Regex.IsMatch(answer, "^HTTP/1\\.1 [1-5][0-9][0-9] [A-Za-z ]+\r\nContent-Type: [^\r\n]+\r\nContent-Length: [0-9]+\r\n") || answer.IndexOf("HTTP/1.1", 1, StringComparison.Ordinal) >= 0 && !answer.Contains("Content-Encoding: gzip"))
                {
                    Fuzz.Fail("not one well-formed response: " + answer.Substring(0, Math.Min(200, answer.Length)), bytes);
                }

                int headEnd = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                int declared = int.Parse(System.Text.RegularExpressions.Regex.Match(answer, "Content-Length: ([0-9]+)").Groups[1].Value);
                if (headEnd < 0 || connection.Written.Count - Encoding.UTF8.GetByteCount(answer.Substring(0, headEnd + 4)) != declared)
                {
                    Fuzz.Fail("the body is not Content-Length bytes", bytes);
                }

                if (!CarriesPassword(bytes) && answer.StartsWith("HTTP/1.1 2", StringComparison.Ordinal))
                {
                    Fuzz.Fail("answered 2xx without the password", bytes);
                }
            });
        }

        /// <summary>The oracle: some Authorization header of Basic credentials whose password is the node's (any user name).</summary>
        private static bool CarriesPassword(byte[] bytes)
        {
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(Encoding.Latin1.GetString(bytes), "(?i)authorization:[ \t]*basic ([^\r\n]*)"))
            {
                byte[] decoded = new byte[256];
                if (Convert.TryFromBase64String(m.Groups[1].Value.Trim(' ', '\t'), decoded, out int length)
                    && Encoding.Latin1.GetString(decoded, 0, length).EndsWith(":" + Password, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static byte[] Replace(byte[] bytes, string text, string with)
        {
            return Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(bytes).Replace(text, with, StringComparison.Ordinal));
        }

        /// <summary>A client that sends its bytes in the given pieces (as TCP may deliver them), then closes.</summary>
        private sealed class PiecewiseConnection : IHttpConnection
        {
            private readonly byte[] _bytes;
            private readonly int[] _pieces;
            private int _sent;
            private int _piece;

            public PiecewiseConnection(byte[] bytes, int[] pieces)
            {
                _bytes = bytes;
                _pieces = pieces;
            }

            public List<byte> Written { get; } = new List<byte>();

            public int Read(byte[] buffer, int offset, int count)
            {
                int size = Math.Min(Math.Min(_pieces[_piece++ % _pieces.Length], count), _bytes.Length - _sent);
                Array.Copy(_bytes, _sent, buffer, offset, size);
                _sent += size;
                return size;
            }

            public bool Write(byte[] buffer, int offset, int count)
            {
                Written.AddRange(buffer.Skip(offset).Take(count));
                return true;
            }
        }
    }
}
