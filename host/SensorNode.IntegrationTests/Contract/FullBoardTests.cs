using System;
using System.Linq;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>
    /// The board users build: a BME280, an SHT31 and an SCD41 on one I2C bus, a relay and a dimmed LED strip, as the
    /// simulator process against a real broker, watched by an independent client.
    /// </summary>
    public class FullBoardTests
    {
        private static readonly string[] Board = { "--chips", "bme280,sht31,scd41", "--outputs", "relay,strip:dimmer" };

        private static readonly string[] Quantities =
        {
            "bme280/temperature", "bme280/humidity", "bme280/pressure",
            "sht3x/temperature", "sht3x/humidity",
            "scd4x/co2", "scd4x/temperature", "scd4x/humidity",
        };

        /// <summary>The SCD41 measures every 5 s and is reported stuck after 15 s without news.</summary>
        private static readonly TimeSpan Scd4xTimeout = TimeSpan.FromSeconds(30);

        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        [InlineData(Brokers.MqttNet)]
        public void Every_quantity_of_every_chip_is_published_retained_for_a_late_subscriber(string broker)
        {
            using NodeUnderTest node = NodeUnderTest.Online(broker, Board);
            node.Watcher.WaitFor("the first CO2 reading", r => r.Topic == node.Base + "/sensor/scd4x/co2", Scd4xTimeout);

            using Observer late = Observer.Watch(node.Broker, node.Base + "/sensor/#");
            foreach (string quantity in Quantities)
            {
                Received reading = late.WaitFor(node.Base + "/sensor/" + quantity, r => r.Topic == node.Base + "/sensor/" + quantity, NodeUnderTest.Timeout);
                Assert.True(reading.Retained, quantity + " is retained");
                Assert.Matches("^-?[0-9]+(\\.[0-9]+)?$", reading.Payload);
            }

            int co2 = int.Parse(late.All.First(r => r.Topic == node.Base + "/sensor/scd4x/co2").Payload);
            Assert.InRange(co2, 400, 2000);
        }

        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        [InlineData(Brokers.MqttNet)]
        public void The_dimmer_follows_levels_and_the_relay_refuses_one(string broker)
        {
            using NodeUnderTest node = NodeUnderTest.Online(broker, Board);
            using Observer commander = Observer.Connect(node.Broker);
            string strip = node.Base + "/actuator/strip/";

            commander.Publish(strip + "set", "40%");
            node.Watcher.WaitFor(strip + "state", "{\"state\":\"ON\",\"level\":40}", NodeUnderTest.Timeout);
            node.Simulator.WaitForLine("output strip is at 40 %", NodeUnderTest.Timeout);

            int before = node.Watcher.Count;
            commander.Publish(strip + "set", "{\"level\":0}");
            node.Watcher.WaitFor(strip + "state", "{\"state\":\"OFF\",\"level\":0}", NodeUnderTest.Timeout, before);
            commander.Publish(strip + "set", "ON");
            node.Watcher.WaitFor(strip + "state", "{\"state\":\"ON\",\"level\":40}", NodeUnderTest.Timeout, before);

            before = node.Watcher.Count;
            commander.Publish(node.Base + "/actuator/relay/set", "40%");
            Received rejected = node.Watcher.WaitFor("command_rejected", r => r.Topic == node.Base + "/event" && r.Payload.Contains("command_rejected"), NodeUnderTest.Timeout, before);
            Assert.Contains("relay is a switch", rejected.Payload);
            Received state = node.NextState(node.Watcher.Count);
            Assert.Contains("\"strip\":{\"state\":\"ON\",\"level\":40}", state.Payload);
            Assert.Contains("\"relay\":\"OFF\"", state.Payload);
        }

        [SkippableTheory]
        [InlineData("sht3x", "nack")]
        [InlineData("sht3x", "stuck")]
        [InlineData("scd4x", "nack")]
        [InlineData("scd4x", "stuck")]
        public void A_sensirion_chips_fault_is_reported_without_numbers_and_its_recovery_too(string sensor, string fault)
        {
            using NodeUnderTest node = NodeUnderTest.Online(Brokers.Mosquitto, Board);
            node.Watcher.WaitFor("the first CO2 reading", r => r.Topic == node.Base + "/sensor/scd4x/co2", Scd4xTimeout);

            int before = node.Watcher.Count;
            node.Simulator.Type("fail " + sensor + " " + fault);
            Received error = node.Watcher.WaitFor("sensor_error", r => r.Topic == node.Base + "/event" && r.Payload.Contains("\"sensor_error\""), Scd4xTimeout, before);
            Assert.Contains("\"topic\":\"" + node.Base + "/sensor/" + sensor + "\"", error.Payload);

            // Two more snapshots: the error stands, the other chips go on, no number of the failing chip is published.
            int afterError = node.Watcher.Count;
            node.NextState(afterError);
            Received state = node.NextState(node.Watcher.Count);
            Assert.Contains("\"" + sensor + "\":{\"error\":", state.Payload);
            Assert.Contains("\"bme280\":{\"temperature\":", state.Payload);
            Received[] since = node.Watcher.All.Skip(afterError).ToArray();
            Assert.DoesNotContain(since, r => r.Topic.StartsWith(node.Base + "/sensor/" + sensor + "/", StringComparison.Ordinal));
            Assert.Equal(1, node.Watcher.All.Skip(before).Count(r => r.Payload.Contains("\"sensor_error\"")));

            int beforeHeal = node.Watcher.Count;
            node.Simulator.Type("heal " + sensor);
            node.Watcher.WaitFor("sensor_recovered", r => r.Topic == node.Base + "/event" && r.Payload.Contains("\"sensor_recovered\""), Scd4xTimeout, beforeHeal);
            node.Watcher.WaitFor("a reading again", r => r.Topic.StartsWith(node.Base + "/sensor/" + sensor + "/", StringComparison.Ordinal), Scd4xTimeout, beforeHeal);
        }
    }
}
