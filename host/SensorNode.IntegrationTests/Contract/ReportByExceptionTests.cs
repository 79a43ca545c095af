using System.Linq;
using System.Threading;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>
    /// The node with the firmware's own defaults (report by exception, no snapshot) on a real broker: deadbands set
    /// over the config topic decide which readings go out. The heartbeat is shown by the unit tests, on a clock
    /// they control.
    /// </summary>
    public class ReportByExceptionTests
    {
        private static readonly string[] Quantities = { "temperature", "humidity", "pressure" };

        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        [InlineData(Brokers.MqttNet)]
        public void Deadbands_over_the_config_topic_silence_a_reading_or_publish_every_read(string broker)
        {
            using NodeUnderTest node = NodeUnderTest.Online(broker, "--by-exception");
            string temperature = node.Base + "/sensor/bme280/temperature";
            foreach (string quantity in Quantities)
            {
                string topic = node.Base + "/sensor/bme280/" + quantity;
                node.Watcher.WaitFor(topic, r => r.Topic == topic, NodeUnderTest.Timeout); // every quantity once after connect
            }

            int quiet = ApplyConfig(node, "{\"deadband_temperature\":100,\"deadband_humidity\":100,\"deadband_pressure\":1000}");
            Thread.Sleep(4000); // four 1 s cycles whose weather moves by far less than these deadbands
            Assert.DoesNotContain(node.Watcher.All.Skip(quiet), r => r.Topic.StartsWith(node.Base + "/sensor/"));

            int everyRead = ApplyConfig(node, "{\"deadband_temperature\":0}");
            for (int n = 0, after = everyRead; n < 3; n++)
            {
                Received reading = node.Watcher.WaitFor("temperature read " + (n + 1), r => r.Topic == temperature, NodeUnderTest.Timeout, after);
                after = IndexAfter(node, reading);
            }

            Assert.DoesNotContain(node.Watcher.All, r => r.Topic == node.Base + "/state"); // snapshot off by default
        }

        /// <returns>The watcher's index after the node confirmed the config.</returns>
        private static int ApplyConfig(NodeUnderTest node, string json)
        {
            int before = node.Watcher.Count;
            node.Watcher.Publish(node.Base + "/config/set", json);
            Received applied = node.Watcher.WaitFor("config_applied", r => r.Topic == node.Base + "/event" && r.Payload.Contains("\"config_applied\""), NodeUnderTest.Timeout, before);
            return IndexAfter(node, applied);
        }

        private static int IndexAfter(NodeUnderTest node, Received message)
        {
            return System.Array.IndexOf(node.Watcher.All, message) + 1;
        }
    }
}
