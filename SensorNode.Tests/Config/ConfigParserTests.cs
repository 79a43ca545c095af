using nanoFramework.TestFramework;
using SensorNode.Core.Config;
using SensorNode.Core.Text;

namespace SensorNode.Tests.Config
{
    [TestClass]
    public class ConfigParserTests
    {
        [TestMethod]
        public static void Keys_left_out_keep_their_values()
        {
            NodeConfig current = new NodeConfig("n1");
            current.BrokerHost = "broker.lan";

            NodeConfig merged = Merge(current, "{\"interval_s\":10}", null);

            Assert.AreEqual(10, merged.PublishIntervalSeconds);
            Assert.AreEqual("broker.lan", merged.BrokerHost);
            Assert.AreEqual(30, current.PublishIntervalSeconds, "the current config must not be modified");
        }

        [TestMethod]
        public static void Every_key_is_read()
        {
            NodeConfig merged = Merge(new NodeConfig("n1"),
                "{\"node_id\":\"kitchen\",\"topic_prefix\":\"home/nodes\",\"interval_s\":5,\"wifi_ssid\":\"lan\",\"wifi_password\":\"password1\","
                + "\"broker_host\":\"10.0.0.2\",\"broker_port\":8883,\"broker_tls\":true,\"broker_user\":\"u\",\"broker_password\":\"pw2\","
                + "\"keepalive_s\":20,\"clean_session\":false,\"accept_retained_commands\":true}", null);

            Assert.AreEqual("kitchen", merged.NodeId);
            Assert.AreEqual("home/nodes", merged.TopicPrefix);
            Assert.AreEqual(5, merged.PublishIntervalSeconds);
            Assert.AreEqual("lan", merged.WifiSsid);
            Assert.AreEqual("password1", merged.WifiPassword);
            Assert.AreEqual("10.0.0.2", merged.BrokerHost);
            Assert.AreEqual(8883, merged.BrokerPort);
            Assert.IsTrue(merged.BrokerTls);
            Assert.AreEqual("u", merged.BrokerUsername);
            Assert.AreEqual("pw2", merged.BrokerPassword);
            Assert.AreEqual(20, merged.KeepAliveSeconds);
            Assert.IsFalse(merged.CleanSession);
            Assert.IsTrue(merged.AcceptRetainedCommands);
        }

        [DataRow("{\"interval_s\":0}", "\"interval_s\" must be a whole number from 1 to 86400")]
        [DataRow("{\"interval_s\":\"10\"}", "\"interval_s\" must be a whole number")]
        [DataRow("{\"broker_port\":70000}", "\"broker_port\" must be a whole number from 1 to 65535")]
        [DataRow("{\"keepalive_s\":1}", "\"keepalive_s\" must be a whole number from 5 to 3600")]
        [DataRow("{\"broker_tls\":\"yes\"}", "\"broker_tls\" must be true or false")]
        [DataRow("{\"broker_host\":\"\"}", "\"broker_host\" must be a non-empty string")]
        [DataRow("{\"topic_prefix\":\"a/#\"}", "\"topic_prefix\" must be topic levels")]
        [DataRow("{\"node_id\":\"a/b\"}", "\"node_id\" must be one topic level")]
        [DataRow("{\"wifi\":{\"ssid\":\"x\"}}", "nested objects and arrays are not supported")]
        [DataRow("{\"interval_s\":10,\"colour\":1}", "unknown key \"colour\"")]
        [DataRow("{\"discovery\":\"yes\"}", "\"discovery\" must be true or false")]
        [DataRow("{\"discovery_prefix\":\"ha/+\"}", "\"discovery_prefix\" must be topic levels")]
        [DataRow("interval=10", "malformed JSON")]
        public static void Invalid_config_is_rejected_whole(string json, string expectedError)
        {
            Merge(new NodeConfig("n1"), json, expectedError);
        }

        [TestMethod]
        public static void Written_config_reads_back_identically_and_masks_secrets_when_asked()
        {
            NodeConfig config = new NodeConfig("n1");
            config.WifiPassword = "wifi-secret";
            config.BrokerPassword = "mqtt-secret";
            config.BrokerTls = true;
            config.PublishIntervalSeconds = 12;

            PayloadBuilder full = new PayloadBuilder(1024);
            ConfigWriter.Write(config, full, false);
            NodeConfig back = Merge(new NodeConfig("other"), full.ToString(), null);
            Assert.AreEqual("n1", back.NodeId);
            Assert.AreEqual("wifi-secret", back.WifiPassword);
            Assert.AreEqual(12, back.PublishIntervalSeconds);
            Assert.IsTrue(back.BrokerTls);

            PayloadBuilder masked = new PayloadBuilder(1024);
            ConfigWriter.Write(config, masked, true);
            Assert.DoesNotContains("secret", masked.ToString());
            Assert.Contains("\"broker_password\":\"***\"", masked.ToString());
        }

        [TestMethod]
        public static void The_mask_sent_back_keeps_the_current_secret()
        {
            NodeConfig config = new NodeConfig("n1");
            config.BrokerPassword = "mqtt-secret";

            NodeConfig merged = Merge(config, "{\"broker_password\":\"***\",\"interval_s\":9}", null);

            Assert.AreEqual("mqtt-secret", merged.BrokerPassword);
        }

        private static NodeConfig Merge(NodeConfig current, string json, string expectedError)
        {
            byte[] bytes = Utf8.GetBytes(json);
            NodeConfig merged;
            string error = ConfigParser.TryMerge(current, bytes, bytes.Length, out merged);
            if (expectedError == null)
            {
                Assert.IsNull(error, "unexpected error: " + error);
                Assert.IsNotNull(merged);
            }
            else
            {
                Assert.IsNotNull(error, "accepted: " + json);
                Assert.Contains(expectedError, error);
                Assert.IsNull(merged);
            }

            return merged;
        }
    }
}
