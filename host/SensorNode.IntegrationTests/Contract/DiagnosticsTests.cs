using System;
using System.Globalization;
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
            long uptime = root.GetProperty("uptime_s").GetInt64();
            Assert.True(uptime >= 0);
            JsonElement lastBoot = root.GetProperty("last_boot");
            if (lastBoot.ValueKind != JsonValueKind.Null || !TestedNode.IsVirtualEsp32) // the simulator knows the time; a device once SNTP has it
            {
                // This machine's clock is the node's: its boot is now less its uptime, give or take the report's age.
                DateTime boot = DateTime.Parse(lastBoot.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
                Assert.InRange((DateTime.UtcNow.AddSeconds(-uptime) - boot).TotalSeconds, -2, 2 + NodeUnderTest.Timeout.TotalSeconds);
            }

            Assert.True(root.GetProperty("boots").GetInt64() >= 1);
            Assert.True(root.GetProperty("connects").GetInt64() >= 1);
            Assert.Equal(TestedNode.ResetReason, root.GetProperty("reset_reason").GetString());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("rssi_dbm").ValueKind);
            Assert.Equal(0, root.GetProperty("dropped").GetInt64());
            Assert.Equal(0, root.GetProperty("config_version").GetInt64());
        }
    }
}
