using System;
using System.Collections.Generic;
using System.Linq;
using SensorNode.Core.Board;
using SensorNode.HostBoard.I2c;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>
    /// The board users build: a BME280 and every command-level chip of the host's chip table (today an SHT3x, an SCD4x
    /// and an AHT20, each read by the core's own driver) on one I2C bus, a relay and a dimmed LED strip, as the simulator
    /// process against a real broker, watched by an independent client. The chips and their quantities are taken from
    /// <see cref="VirtualChips"/>, so a new family is on this board without an edit here.
    /// </summary>
    public class FullBoardTests
    {
        /// <summary>The BME280 and the chips the core reads with its own drivers (the command-level ones).</summary>
        private static readonly VirtualChip[] Chips = VirtualChips.All
            .Where(c => c.Name == "bme280" || c.Make(new FixedAmbient()) is VirtualCommandChip)
            .ToArray();

        private static readonly string[] Board = { "--chips", string.Join(",", Chips.Select(c => c.Name)), "--outputs", "relay,strip:dimmer" };

        private static readonly string[] Quantities = Chips
            .SelectMany(c => c.Model.Quantities.Select((Quantity q) => c.Name + "/" + q.Name))
            .ToArray();

        /// <summary>Every fault of every chip read by a core driver (the BME280 is the chip that goes on meanwhile).</summary>
        public static IEnumerable<object[]> Faults => Chips
            .Where(c => c.Name != "bme280")
            .SelectMany(c => new[] { new object[] { c.Name, "nack" }, new object[] { c.Name, "stuck" } });

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
        [MemberData(nameof(Faults))]
        public void A_chips_fault_is_reported_without_numbers_and_its_recovery_too(string sensor, string fault)
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
