using System;
using System.Linq;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>A failing virtual chip: the error is reported, no number is invented, the other sensor carries on.</summary>
    public class SensorFailureTests
    {
        [SkippableTheory]
        [InlineData(Brokers.Mosquitto, "nack")]
        [InlineData(Brokers.MqttNet, "nack")]
        [InlineData(Brokers.Mosquitto, "stuck")]
        [InlineData(Brokers.MqttNet, "stuck")]
        public void A_failing_sensor_is_reported_without_numbers_and_the_other_sensor_goes_on(string broker, string fault)
        {
            using NodeUnderTest node = NodeUnderTest.Online(broker, "--bmp280");
            node.Watcher.WaitFor(node.Base + "/sensor/bmp280/pressure", r => r.Topic == node.Base + "/sensor/bmp280/pressure", NodeUnderTest.Timeout);
            string availability = node.Base + "/status/bme280"; // Home Assistant's per-sensor availability
            node.Watcher.WaitFor(availability, "online", NodeUnderTest.Timeout);

            int before = node.Watcher.Count;
            node.Simulator.Type("fail bme280 " + fault);
            Received error = node.Watcher.WaitFor("sensor_error", r => r.Topic == node.Base + "/event" && r.Payload.Contains("\"sensor_error\""), NodeUnderTest.Timeout, before);
            Assert.Contains("\"topic\":\"" + node.Base + "/sensor/bme280\"", error.Payload);
            node.Watcher.WaitFor(availability, "offline", NodeUnderTest.Timeout, before);
            using (Observer late = Observer.Watch(node.Broker, availability))
            {
                Assert.Equal("offline", late.WaitFor("the retained availability", r => r.Retained, NodeUnderTest.Timeout).Payload);
            }

            // Two more cycles: the snapshot carries the error and the BMP280's numbers; no BME280 number is published.
            int afterError = node.Watcher.Count;
            node.NextState(afterError);
            Received state = node.NextState(node.Watcher.Count);
            Assert.Contains("\"bme280\":{\"error\":", state.Payload);
            Assert.Matches("\"bmp280\":\\{\"temperature\":[0-9.]+,\"pressure\":[0-9.]+\\}", state.Payload);
            Received[] since = node.Watcher.All.Skip(afterError).ToArray();
            Assert.DoesNotContain(since, r => r.Topic.StartsWith(node.Base + "/sensor/bme280/", StringComparison.Ordinal));
            Assert.Contains(since, r => r.Topic == node.Base + "/sensor/bmp280/temperature");
            Assert.Equal(1, node.Watcher.All.Skip(before).Count(r => r.Payload.Contains("\"sensor_error\"")));

            int beforeHeal = node.Watcher.Count;
            node.Simulator.Type("heal bme280");
            node.Watcher.WaitFor("sensor_recovered", r => r.Topic == node.Base + "/event" && r.Payload.Contains("\"sensor_recovered\""), NodeUnderTest.Timeout, beforeHeal);
            node.Watcher.WaitFor("a BME280 reading again", r => r.Topic == node.Base + "/sensor/bme280/temperature", NodeUnderTest.Timeout, beforeHeal);
            node.Watcher.WaitFor(availability, "online", NodeUnderTest.Timeout, beforeHeal);
        }
    }
}
