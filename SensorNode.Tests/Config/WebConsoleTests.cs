using nanoFramework.TestFramework;
using SensorNode.Core.Board;
using SensorNode.Core.Text;
using SensorNode.Core.Web;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Web
{
    /// <summary>The node's own web page: the page's bytes, the password, the origin rule, setup mode's trial and its return.</summary>
    [TestClass]
    public class WebConsoleTests
    {
        private const string Auth = "Authorization: Basic YTpwYXNzd29yZDE=\r\n"; // a:password1

        [TestMethod]
        public static void Page_is_its_gzip_bytes()
        {
            NodeHarness node = NodeHarness.Started();
            Conn c = Serve(node, "GET / HTTP/1.1\r\nHost: n\r\n" + Auth + "\r\n");
            Assert.IsTrue(c.Head().IndexOf("HTTP/1.1 200 OK\r\n") == 0, c.Head());
            Assert.IsTrue(c.Head().IndexOf("Content-Encoding: gzip") > 0);
            Assert.AreEqual(WebPage.Gzip.Length, c.Length - c.BodyAt());
            Assert.AreEqual((byte)0x1F, c.Out[c.BodyAt()]);
            Assert.AreEqual((byte)0x8B, c.Out[c.BodyAt() + 1]);
        }

        [TestMethod]
        public static void Wrong_password_or_origin()
        {
            NodeHarness node = NodeHarness.Started();
            Assert.IsTrue(Serve(node, "GET /s HTTP/1.1\r\nHost: n\r\nAuthorization: Basic YTpwYXNzd29yZDI=\r\n\r\n").Head().IndexOf("HTTP/1.1 401") == 0);
            Assert.IsTrue(Serve(node, On("http://e")).Head().IndexOf("HTTP/1.1 403") == 0);
            node.Node.Poll();
            Assert.IsFalse(node.Relay.IsOn);
            Assert.IsTrue(Serve(node, On("http://n")).Head().IndexOf("HTTP/1.1 202") == 0);
            node.Node.Poll();
            Assert.IsTrue(node.Relay.IsOn);
        }

        [TestMethod]
        public static void Setup_trial_and_return()
        {
            NodeHarness node = new NodeHarness { NotSetUp = true }.Start();
            node.Link.AcceptConnect = false;
            node.Advance(5000);
            Assert.IsTrue(node.Node.InSetupMode);
            Assert.AreEqual(0, node.Connector.Begun);
            Assert.IsTrue(Post(node, "{\"broker_port\":0}").IndexOf("HTTP/1.1 400") == 0);
            Assert.IsTrue(Post(node, "{\"broker_host\":\"b\"}").IndexOf("HTTP/1.1 202") == 0);
            node.Node.Poll();
            Assert.IsTrue(node.Node.ConfigOnTrial);
            for (int i = 0; i < 100 && !node.Node.InSetupMode; i++)
            {
                node.Advance(500);
            }

            Assert.IsTrue(node.Node.InSetupMode);
            Assert.IsTrue(node.Node.LastConfigRevert.IndexOf("in 3 attempts") > 0, node.Node.LastConfigRevert);
            Assert.IsNull(node.Store.Load(SensorNode.Core.Config.ConfigStore.FileName));
            node.Link.AcceptConnect = true;
            Post(node, "{\"broker_host\":\"b\"}");
            for (int i = 0; i < 5 && !node.Node.IsOnline; i++)
            {
                node.Advance(2000);
            }

            Assert.IsTrue(node.Node.IsOnline);
            Assert.IsFalse(node.Node.InSetupMode);
        }

        private static string On(string origin)
        {
            return "POST /a/relay HTTP/1.1\r\nHost: n\r\nOrigin: " + origin + "\r\nContent-Length: 2\r\n" + Auth + "\r\nON";
        }

        private static string Post(NodeHarness node, string json)
        {
            return Serve(node, "POST /config HTTP/1.1\r\nHost: n\r\nOrigin: http://n\r\nContent-Length: " + json.Length + "\r\n" + Auth + "\r\n" + json).Head();
        }

        private static Conn Serve(NodeHarness node, string request)
        {
            Conn c = new Conn(new PayloadBuilder(512).Append(request).ToArray());
            new WebConsole(node.Node, "password1", null).Serve(c);
            return c;
        }

        private sealed class Conn : IHttpConnection
        {
            private readonly byte[] _in;
            private int _read;
            public readonly byte[] Out = new byte[8192];
            public int Length;

            public Conn(byte[] request)
            {
                _in = request;
            }

            public int Read(byte[] buffer, int offset, int count)
            {
                int n = _in.Length - _read < count ? _in.Length - _read : count;
                System.Array.Copy(_in, _read, buffer, offset, n);
                _read += n;
                return n;
            }

            public bool Write(byte[] buffer, int offset, int count)
            {
                System.Array.Copy(buffer, offset, Out, Length, count);
                Length += count;
                return true;
            }

            public int BodyAt()
            {
                return Head().IndexOf("\r\n\r\n") + 4;
            }

            public string Head()
            {
                int end = 0;
                while (end + 3 < Length && !(Out[end] == '\r' && Out[end + 1] == '\n' && Out[end + 2] == '\r' && Out[end + 3] == '\n'))
                {
                    end++;
                }

                return Utf8.GetString(Out, 0, end + 4 > Length ? Length : end + 4);
            }
        }
    }
}
