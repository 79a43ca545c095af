using System.Text.Json;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>The node's diagnostics on a real broker: retained JSON on "{base}/diag" that a late subscriber gets.</summary>
    public class DiagnosticsTests
    {
        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        [InlineData(Brokers.MqttNet)]
        public void A_late_subscriber_gets_the_retained_diagnostics(string broker)
        {
            using NodeUnderTest node = NodeUnderTest.Online(broker);
            string topic = node.Base + "/diag";
            node.Watcher.WaitFor(topic, r => r.Topic == topic, NodeUnderTest.Timeout);

            using Observer late = Observer.Watch(node.Broker, topic);
            Received diag = late.WaitFor(topic, r => r.Topic == topic, NodeUnderTest.Timeout);
            Assert.True(diag.Retained, topic + " must be retained");

            using JsonDocument document = JsonDocument.Parse(diag.Payload);
            JsonElement root = document.RootElement;
            Assert.StartsWith("SensorNode ", root.GetProperty("firmware").GetString());
            Assert.True(root.GetProperty("uptime_s").GetInt64() >= 0);
            Assert.True(root.GetProperty("boots").GetInt64() >= 1);
            Assert.True(root.GetProperty("connects").GetInt64() >= 1);
            Assert.Equal(TestedNode.ResetReason, root.GetProperty("reset_reason").GetString());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("rssi_dbm").ValueKind);
            Assert.Equal(0, root.GetProperty("dropped").GetInt64());
            Assert.Equal(0, root.GetProperty("config_version").GetInt64());
        }
    }
}
