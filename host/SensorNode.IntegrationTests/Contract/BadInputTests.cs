using System;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>Malformed, oversized and misaddressed input: an event names the problem and the node keeps working.</summary>
    public class BadInputTests
    {
        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        [InlineData(Brokers.MqttNet)]
        public void Bad_commands_are_reported_and_the_node_keeps_publishing(string broker)
        {
            using NodeUnderTest node = NodeUnderTest.Online(broker);

            ExpectRejected(node, node.Base + "/actuator/relay/set", "BLINK");
            ExpectRejected(node, node.Base + "/actuator/relay/set", "{\"state\":\"ON\",\"for_ms\":-5}");
            ExpectRejected(node, node.Base + "/actuator/relay/set", new string('X', 4096));
            ExpectRejected(node, node.Base + "/actuator/pump/set", "ON");
            Received config = ExpectEvent(node, node.Base + "/config/set", "{\"interval_s\":\"soon\"}", "config_rejected");
            Assert.Contains("interval_s", config.Payload);

            // Still alive and still obeying: a new snapshot, then a good command works.
            node.NextState(node.Watcher.Count);
            int before = node.Watcher.Count;
            node.Watcher.Publish(node.Base + "/actuator/relay/set", "ON");
            node.Watcher.WaitFor(node.Base + "/actuator/relay/state", "ON", NodeUnderTest.Timeout, before);
            Assert.False(node.Simulator.HasExited);
        }

        private static void ExpectRejected(NodeUnderTest node, string topic, string payload)
        {
            ExpectEvent(node, topic, payload, "command_rejected");
        }

        private static Received ExpectEvent(NodeUnderTest node, string topic, string payload, string type)
        {
            int before = node.Watcher.Count;
            node.Watcher.Publish(topic, payload);
            Received evt = node.Watcher.WaitFor(type + " for " + topic, r => r.Topic == node.Base + "/event" && r.Payload.Contains("\"type\":\"" + type + "\""), NodeUnderTest.Timeout, before);
            Assert.Contains("\"topic\":\"" + topic + "\"", evt.Payload);
            Assert.Contains("\"error\":\"", evt.Payload);
            Assert.False(evt.Retained);
            return evt;
        }
    }
}
