using nanoFramework.TestFramework;
using SensorNode.Core.Config;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Config
{
    /// <summary>The one parser for broker addresses: host, host:port, [v6], [v6]:port; every other form refused.</summary>
    [TestClass]
    public class HostAddressTests
    {
        [TestMethod]
        public static void Host_host_port_and_bracketed_ipv6_with_or_without_a_port_are_taken()
        {
            AssertParsed("broker.lan", "broker.lan", 1883);
            AssertParsed("broker.lan:8883", "broker.lan", 8883);
            AssertParsed("192.168.1.5:1884", "192.168.1.5", 1884);
            AssertParsed("[::1]", "::1", 1883);
            AssertParsed("[::1]:19012", "::1", 19012);
            AssertParsed("[fe80::1:2:3:4]:1", "fe80::1:2:3:4", 1);
            AssertParsed("[2001:db8::192.0.2.1]:1883", "2001:db8::192.0.2.1", 1883);
        }

        [TestMethod]
        public static void Every_other_form_is_refused()
        {
            AssertRefused("::1:19012", "more than one ':'");
            AssertRefused("host:1883:1884", "more than one ':'");
            AssertRefused("[::1", "without closing it");
            AssertRefused("[::1]x", "only ':' and a port may follow");
            AssertRefused("[broker.lan]:1883", "is not an IPv6 address");
            AssertRefused("[1:2:3:4:5:6:7:8:9]", "is not an IPv6 address");
            AssertRefused("host:0", "from 1 to 65535");
            AssertRefused("host:65536", "from 1 to 65535");
            AssertRefused("host:", "from 1 to 65535");
            AssertRefused(":1883", "needs a host");
            AssertRefused("a b", "is not a host name");
            AssertRefused("-bad.example", "is not a host name");
            AssertRefused("a..b", "is not a host name");
        }

        [TestMethod]
        public static void A_broker_host_setting_is_a_name_an_ipv4_or_a_bare_ipv6_address()
        {
            Assert.IsNull(HostAddress.CheckHost("broker.lan"));
            Assert.IsNull(HostAddress.CheckHost("broker.lan."));
            Assert.IsNull(HostAddress.CheckHost("10.0.0.1"));
            Assert.IsNull(HostAddress.CheckHost("::1"));
            Assert.IsNull(HostAddress.CheckHost("fe80::a:b"));
            Assert.IsNotNull(HostAddress.CheckHost("a b"));
            Assert.IsNotNull(HostAddress.CheckHost("broker.lan:1883"));
            Assert.IsNotNull(HostAddress.CheckHost(""));
            Assert.IsNotNull(HostAddress.CheckHost("[::1]"));
        }

        [TestMethod]
        public static void A_config_with_a_broker_host_that_is_no_host_or_a_dollar_prefix_is_refused_before_any_trial()
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/config/set", "{\"broker_host\":\"a b\"}");
            Assert.Contains("\"config_rejected\"", node.LastEvent());
            Assert.Contains("'a b' is not a host name", node.LastEvent());
            node.Send("/config/set", "{\"broker_host\":\"broker.lan:1883\"}");
            Assert.Contains("\"config_rejected\"", node.LastEvent());
            node.Send("/config/set", "{\"topic_prefix\":\"$SYS\"}");
            Assert.Contains("not starting with '$'", node.LastEvent());
            Assert.AreEqual("localhost", node.Node.Config.BrokerHost);
            Assert.AreEqual("sensornode", node.Node.Config.TopicPrefix);
        }

        [TestMethod]
        public static void Numbers_with_a_leading_zero_are_not_json_and_are_refused()
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/config/set", "{\"interval_s\":01}");
            Assert.Contains("a leading zero", node.LastEvent());
            node.Send("/config/set", "{\"interval_s\":-00}");
            Assert.Contains("\"config_rejected\"", node.LastEvent());
            node.Send("/config/set", "{\"interval_s\":10}");
            Assert.Contains("\"config_applied\"", node.LastEvent());
            Assert.AreEqual(10, node.Node.Config.PublishIntervalSeconds);
        }

        [TestMethod]
        public static void A_config_that_changes_nothing_is_not_a_change()
        {
            NodeHarness node = NodeHarness.Started();
            long version = node.Node.Config.ConfigVersion;
            int published = node.Link.CountOn(node.Base + "/config");

            node.Send("/config/set", "{}");
            Assert.Contains("unchanged", node.LastEvent());
            node.Send("/config/set", "{\"interval_s\":" + node.Node.Config.PublishIntervalSeconds + "}");
            Assert.Contains("unchanged", node.LastEvent());
            Assert.AreEqual(version, node.Node.Config.ConfigVersion);
            Assert.AreEqual(published, node.Link.CountOn(node.Base + "/config"), "an unchanged config was republished");

            node.Send("/config/set", "{\"interval_s\":" + (node.Node.Config.PublishIntervalSeconds + 1) + "}");
            Assert.AreEqual(version + 1, node.Node.Config.ConfigVersion);
        }

        private static void AssertParsed(string text, string host, int port)
        {
            string parsedHost;
            int parsedPort;
            Assert.IsNull(HostAddress.TryParse(text, 1883, out parsedHost, out parsedPort), text);
            Assert.AreEqual(host, parsedHost, text);
            Assert.AreEqual(port, parsedPort, text);
        }

        private static void AssertRefused(string text, string why)
        {
            string host;
            int port;
            string error = HostAddress.TryParse(text, 1883, out host, out port);
            Assert.IsNotNull(error, text + " was taken");
            Assert.Contains(why, error);
        }
    }
}
