using nanoFramework.TestFramework;
using SensorNode.Core.Config;
using SensorNode.Core.Config.Signing;
using SensorNode.Core.Text;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Config
{
    /// <summary>
    /// Authenticated configuration: with a config key provisioned, a config/set that changes connection settings
    /// must be "&lt;HMAC hex&gt; &lt;counter&gt; &lt;JSON&gt;" signed with that key and a counter above the last accepted one.
    /// </summary>
    [TestClass]
    public class SignedConfigTests
    {
        private static readonly byte[] Key = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
        private static readonly byte[] OtherKey = { 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };
        private const string BrokerChange = "{\"broker_host\":\"broker.example\"}";

        [TestMethod]
        public static void A_signed_broker_change_is_tried()
        {
            NodeHarness node = Keyed();
            node.Send("/config/set", Sign(Key, 1, BrokerChange));

            Assert.Contains("\"config_trial\"", node.LastEvent());
            Assert.AreEqual("broker.example", node.Node.Config.BrokerHost);
        }

        [TestMethod]
        public static void The_signature_does_not_take_room_from_the_settings()
        {
            NodeHarness node = Keyed();
            string fullSize = Padded("{\"interval_s\":12", ConfigController.MaxConfigBytes);
            node.Send("/config/set", Sign(Key, 1, fullSize));
            Assert.Contains("\"config_applied\"", node.LastEvent());
            Assert.AreEqual(12, node.Node.Config.PublishIntervalSeconds);

            node.Send("/config/set", Sign(Key, 2, Padded("{\"interval_s\":13", ConfigController.MaxConfigBytes + 1)));
            Assert.Contains("the settings' JSON of 1025 bytes exceeds the 1024-byte limit; nothing changed", node.LastEvent());
            Assert.AreEqual(12, node.Node.Config.PublishIntervalSeconds);
        }

        /// <summary><paramref name="start"/>, spaces, then "}": JSON of exactly <paramref name="length"/> bytes.</summary>
        private static string Padded(string start, int length)
        {
            return start + new string(' ', length - 1 - start.Length) + "}";
        }

        [TestMethod]
        public static void An_unsigned_broker_change_is_rejected_and_an_unsigned_interval_change_applied()
        {
            NodeHarness node = Keyed();
            node.Send("/config/set", BrokerChange);
            Assert.Contains("\"config_rejected\"", node.LastEvent());
            Assert.Contains("connection settings (Wi-Fi, broker, topics) change only with a signed config on this node; nothing changed", node.LastEvent());
            Assert.AreEqual("localhost", node.Node.Config.BrokerHost);

            node.Send("/config/set", "{\"interval_s\":12}");
            Assert.Contains("\"config_applied\"", node.LastEvent());
            Assert.AreEqual(12, node.Node.Config.PublishIntervalSeconds);
        }

        [TestMethod]
        public static void A_replayed_message_is_rejected_even_after_a_restart()
        {
            NodeHarness node = Keyed();
            string signed = Sign(Key, 5, "{\"interval_s\":12}");
            node.Send("/config/set", signed);
            Assert.Contains("\"config_applied\"", node.LastEvent());

            node.Send("/config/set", signed);
            Assert.Contains("counter 5 is not above the last accepted 5 (a replayed message?); nothing changed", node.LastEvent());

            NodeHarness restarted = new NodeHarness();
            restarted.ConfigKey = Key;
            restarted.Store.Save(ConfigAuthenticator.CounterFileName, node.Store.Load(ConfigAuthenticator.CounterFileName));
            restarted.Start();
            restarted.Node.Poll();
            restarted.Send("/config/set", Sign(Key, 4, BrokerChange));
            Assert.Contains("counter 4 is not above the last accepted 5", restarted.LastEvent());
            restarted.Send("/config/set", Sign(Key, 6, BrokerChange));
            Assert.Contains("\"config_trial\"", restarted.LastEvent());
        }

        [TestMethod]
        public static void Another_key_or_a_changed_byte_does_not_match()
        {
            NodeHarness node = Keyed();
            node.Send("/config/set", Sign(OtherKey, 1, BrokerChange));
            Assert.Contains("the signature does not match this node's key and id (signed with another key, for another node, or changed); nothing changed", node.LastEvent());

            string tampered = Swap(Sign(Key, 1, BrokerChange), "broker.example", "broker.exampla");
            node.Send("/config/set", tampered);
            Assert.Contains("the signature does not match this node's key and id", node.LastEvent());

            string otherCounter = Swap(Sign(Key, 1, BrokerChange), " 1 {", " 2 {");
            node.Send("/config/set", otherCounter);
            Assert.Contains("the signature does not match this node's key and id", node.LastEvent());
            Assert.AreEqual("localhost", node.Node.Config.BrokerHost);
        }

        [TestMethod]
        public static void A_signed_config_without_a_counter_or_on_a_node_without_a_key_is_rejected()
        {
            NodeHarness keyed = Keyed();
            string noCounter = Swap(Sign(Key, 1, BrokerChange), " 1 {", " {");
            keyed.Send("/config/set", noCounter);
            Assert.Contains("a signed config needs a counter from 1 to 9007199254740992 (2^53) after the HMAC; nothing changed", keyed.LastEvent());

            NodeHarness unkeyed = NodeHarness.Started();
            unkeyed.Send("/config/set", Sign(Key, 1, BrokerChange));
            Assert.Contains("the config is signed but this node has no config key to check it; nothing changed", unkeyed.LastEvent());
        }

        [TestMethod]
        public static void Without_a_key_an_unsigned_broker_change_is_tried_as_before()
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/config/set", BrokerChange);
            Assert.Contains("\"config_trial\"", node.LastEvent());
        }

        [TestMethod]
        public static void A_counter_above_2_to_the_53_is_refused_so_one_message_cannot_use_the_counters_up()
        {
            NodeHarness node = Keyed();
            node.Send("/config/set", Sign(Key, 999999999999999999, "{\"interval_s\":12}"));
            Assert.Contains("counter from 1 to 9007199254740992", node.LastEvent());
            node.Send("/config/set", Sign(Key, SignedConfig.MaxCounter + 1, "{\"interval_s\":12}"));
            Assert.Contains("counter from 1 to 9007199254740992", node.LastEvent());

            node.Send("/config/set", Sign(Key, 1000, "{\"interval_s\":13}"));
            Assert.Contains("\"config_applied\"", node.LastEvent());
            node.Send("/config/set", Sign(Key, SignedConfig.MaxCounter, "{\"interval_s\":14}"));
            Assert.Contains("\"config_applied\"", node.LastEvent());
            Assert.AreEqual(14, node.Node.Config.PublishIntervalSeconds);
        }

        [TestMethod]
        public static void One_trailing_newline_after_a_signed_config_is_not_part_of_what_was_signed()
        {
            NodeHarness node = Keyed();
            node.Send("/config/set", Sign(Key, 1, "{\"interval_s\":12}") + "\n");
            Assert.Contains("\"config_applied\"", node.LastEvent());
            node.Send("/config/set", Sign(Key, 2, "{\"interval_s\":13}") + "\r\n");
            Assert.Contains("\"config_applied\"", node.LastEvent());
            node.Send("/config/set", Sign(Key, 3, "{\"interval_s\":14}") + "\n\n");
            Assert.Contains("the signature does not match this node's key and id", node.LastEvent());
            Assert.AreEqual(13, node.Node.Config.PublishIntervalSeconds);
        }

        [TestMethod]
        public static void Accepting_retained_or_queued_commands_needs_a_signature_on_a_keyed_node()
        {
            NodeHarness node = Keyed();
            node.Send("/config/set", "{\"accept_retained_commands\":true}");
            Assert.Contains("accept_retained_commands and accept_queued_commands change only with a signed config on this node; nothing changed", node.LastEvent());
            node.Send("/config/set", "{\"accept_queued_commands\":true}");
            Assert.Contains("\"config_rejected\"", node.LastEvent());
            Assert.IsFalse(node.Node.Config.AcceptRetainedCommands);
            Assert.IsFalse(node.Node.Config.AcceptQueuedCommands);

            node.Send("/config/set", Sign(Key, 1, "{\"accept_retained_commands\":true}"));
            Assert.Contains("\"config_applied\"", node.LastEvent());
            Assert.IsTrue(node.Node.Config.AcceptRetainedCommands);
        }

        [TestMethod]
        public static void A_config_signed_for_another_node_with_the_same_key_is_refused()
        {
            NodeHarness node = Keyed();
            node.Send("/config/set", SignFor("node2", Key, 1, BrokerChange));
            Assert.Contains("the signature does not match this node's key and id", node.LastEvent());
            Assert.AreEqual("localhost", node.Node.Config.BrokerHost);
        }

        [TestMethod]
        public static void A_new_key_starts_a_new_counter()
        {
            NodeHarness node = Keyed();
            node.Send("/config/set", Sign(Key, 500, "{\"interval_s\":12}"));
            Assert.Contains("\"config_applied\"", node.LastEvent());

            NodeHarness sameKey = new NodeHarness();
            sameKey.ConfigKey = Key;
            sameKey.Store.Save(ConfigAuthenticator.CounterFileName, node.Store.Load(ConfigAuthenticator.CounterFileName));
            sameKey.Start();
            sameKey.Node.Poll();
            sameKey.Send("/config/set", Sign(Key, 400, "{\"interval_s\":13}"));
            Assert.Contains("counter 400 is not above the last accepted 500", sameKey.LastEvent());

            NodeHarness newKey = new NodeHarness();
            newKey.ConfigKey = OtherKey;
            newKey.Store.Save(ConfigAuthenticator.CounterFileName, node.Store.Load(ConfigAuthenticator.CounterFileName));
            newKey.Start();
            newKey.Node.Poll();
            newKey.Send("/config/set", Sign(OtherKey, 1, "{\"interval_s\":13}"));
            Assert.Contains("\"config_applied\"", newKey.LastEvent());
        }

        [TestMethod]
        public static void A_key_file_is_16_to_64_bytes_of_hex()
        {
            byte[] key = SignedConfig.ParseKey(Utf8.GetBytes(" 000102030405060708090a0b0c0d0e0F\n"));
            Assert.IsNotNull(key);
            Assert.AreEqual(16, key.Length);
            Assert.AreEqual((byte)15, key[15]);
            Assert.IsNull(SignedConfig.ParseKey(Utf8.GetBytes("0001020304050607")), "8 bytes: too short");
            Assert.IsNull(SignedConfig.ParseKey(Utf8.GetBytes("000102030405060708090a0b0c0d0e0g")), "not hex");
            Assert.IsNull(SignedConfig.ParseKey(null));
        }

        private static NodeHarness Keyed()
        {
            NodeHarness node = new NodeHarness();
            node.ConfigKey = Key;
            node.Start();
            node.Node.Poll();
            return node;
        }

        /// <summary>What the signing command prints: the HMAC of "counter json" in hex, a space, then "counter json".</summary>
        private static string Sign(byte[] key, long counter, string json)
        {
            return SignFor(NodeHarness.NodeId, key, counter, json);
        }

        /// <summary>The same for the node <paramref name="nodeId"/>: the HMAC covers "nodeId counter json".</summary>
        private static string SignFor(string nodeId, byte[] key, long counter, string json)
        {
            string signedPart = counter + " " + json;
            byte[] bytes = Utf8.GetBytes(nodeId + " " + signedPart);
            byte[] hmac = new FakeHmacSha256().Compute(key, bytes, 0, bytes.Length);
            const string Digits = "0123456789abcdef";
            char[] hex = new char[hmac.Length * 2];
            for (int i = 0; i < hmac.Length; i++)
            {
                hex[2 * i] = Digits[hmac[i] >> 4];
                hex[2 * i + 1] = Digits[hmac[i] & 0xF];
            }

            return new string(hex) + " " + signedPart;
        }

        /// <summary>The text with the first <paramref name="from"/> changed to <paramref name="to"/>.</summary>
        private static string Swap(string text, string from, string to)
        {
            int at = text.IndexOf(from);
            Assert.IsTrue(at >= 0, from + " not in " + text);
            return text.Substring(0, at) + to + text.Substring(at + from.Length);
        }
    }
}
