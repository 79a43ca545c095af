using System;
using System.IO;
using System.Security.Cryptography;
using SensorNode.HostBoard.Security;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>
    /// Authenticated configuration on a real broker: the simulator started with a config key, configs signed by the
    /// same code as the sign command, published by an independent client.
    /// </summary>
    public class SignedConfigTests
    {
        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        [InlineData(Brokers.MqttNet)]
        public void A_signed_broker_change_is_applied_and_a_replayed_unsigned_or_foreign_one_rejected(string broker)
        {
            byte[] key = RandomNumberGenerator.GetBytes(32);
            string keyFile = Path.GetTempFileName();
            File.WriteAllText(keyFile, Convert.ToHexStringLower(key) + "\n");
            try
            {
                using NodeUnderTest node = NodeUnderTest.Online(broker, "--config-key-file", keyFile);
                string configSet = node.Base + "/config/set";

                // A broker change (the same broker by another name, so the node can get back) and a keep-alive change:
                // connection settings, tried by reconnecting and kept once the node is online with them.
                string signed = ConfigSigner.Sign(key, node.Simulator.NodeId, 100, "{\"broker_host\":\"localhost\",\"keepalive_s\":6}");
                int before = node.Watcher.Count;
                node.Watcher.Publish(configSet, signed);
                node.Watcher.WaitFor("config_trial", r => IsEvent(node, r, "config_trial"), NodeUnderTest.Timeout, before);
                node.Watcher.WaitFor("the applied broker", r => r.Topic == node.Base + "/config" && r.Payload.Contains("\"broker_host\":\"localhost\",") && r.Payload.Contains("\"keepalive_s\":6,"), NodeUnderTest.StartTimeout, before);

                AssertRejected(node, signed, "counter 100 is not above the last accepted 100 (a replayed message?)");
                AssertRejected(node, "{\"keepalive_s\":7}", "connection settings (Wi-Fi, broker, topics) change only with a signed config on this node");
                AssertRejected(node, ConfigSigner.Sign(RandomNumberGenerator.GetBytes(32), node.Simulator.NodeId, 101, "{\"keepalive_s\":7}"), "the signature does not match this node's key and id");

                // Signed for another node with the same key: refused here (cross-node replay).
                AssertRejected(node, ConfigSigner.Sign(key, "other" + node.Simulator.NodeId, 103, "{\"keepalive_s\":7}"), "the signature does not match this node's key and id");
                // Counters are bounded (2^53): one huge counter must not refuse every later signed config for good.
                AssertRejected(node, ConfigSigner.Sign(key, node.Simulator.NodeId, 999999999999999999, "{\"interval_s\":3}"), "a signed config needs a counter from 1 to 9007199254740992 (2^53)");
                // Settings that widen who can command the node need a signature too.
                AssertRejected(node, "{\"accept_retained_commands\":true}", "accept_retained_commands and accept_queued_commands change only with a signed config on this node");
                // The sign command's line as a file holds it (sign > f; mosquitto_pub -f f): the newline is not signed.
                int withNewline = node.Watcher.Count;
                node.Watcher.Publish(configSet, ConfigSigner.Sign(key, node.Simulator.NodeId, 102, "{\"interval_s\":3}") + "\n");
                node.Watcher.WaitFor("config_applied", r => IsEvent(node, r, "config_applied"), NodeUnderTest.Timeout, withNewline);

                int unsignedInterval = node.Watcher.Count;
                node.Watcher.Publish(configSet, "{\"interval_s\":2}"); // not a connection setting: no signature needed
                node.Watcher.WaitFor("config_applied", r => IsEvent(node, r, "config_applied"), NodeUnderTest.Timeout, unsignedInterval);
                Assert.DoesNotContain(Convert.ToHexStringLower(key), node.Simulator.Console);
            }
            finally
            {
                File.Delete(keyFile);
            }
        }

        private static void AssertRejected(NodeUnderTest node, string payload, string why)
        {
            int before = node.Watcher.Count;
            node.Watcher.Publish(node.Base + "/config/set", payload);
            Received rejected = node.Watcher.WaitFor("config_rejected", r => IsEvent(node, r, "config_rejected"), NodeUnderTest.Timeout, before);
            Assert.Contains(why, rejected.Payload);
        }

        private static bool IsEvent(NodeUnderTest node, Received message, string type)
        {
            return message.Topic == node.Base + "/event" && message.Payload.Contains("\"" + type + "\"");
        }
    }
}
