using System;
using System.Linq;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>Commands on /set drive the virtual outputs and come back retained on /state.</summary>
    public class ActuatorTests
    {
        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        [InlineData(Brokers.MqttNet)]
        public void On_off_toggle_and_pulse_switch_the_output_and_report_its_state(string broker)
        {
            using NodeUnderTest node = NodeUnderTest.Online(broker);
            string set = node.Base + "/actuator/relay/set";
            string state = node.Base + "/actuator/relay/state";

            SwitchAndExpect(node, set, "ON", state, "ON");
            SwitchAndExpect(node, set, "off", state, "OFF");
            SwitchAndExpect(node, set, "TOGGLE", state, "ON");
            SwitchAndExpect(node, set, "Toggle", state, "OFF");

            int before = node.Watcher.Count;
            int consoleBefore = node.Simulator.Lines.Length;
            node.Watcher.Publish(set, "{\"state\":\"ON\",\"for_ms\":400}");
            node.Watcher.WaitFor(state, "ON", NodeUnderTest.Timeout, before);
            node.Watcher.WaitFor(state, "OFF", NodeUnderTest.Timeout, before);

            // Measured where the output switches (the simulator's own timestamp of each write), not where an observer
            // happens to receive two messages: a loaded machine delays delivery, not the pulse.
            string[] console = node.Simulator.Lines[consoleBefore..];
            TimeSpan held = TimeOf(console.First(l => l.Contains("output relay is OFF")))
                - TimeOf(console.First(l => l.Contains("output relay is ON")));
            // The node keeps time in whole milliseconds and the console stamps whole milliseconds: 2 ms of slack below.
            Assert.InRange(held.TotalMilliseconds, 398, 1400);

            using Observer late = Observer.Watch(node.Broker, state);
            Received retained = late.WaitFor(state, "OFF", NodeUnderTest.Timeout);
            Assert.True(retained.Retained);
            Assert.False(node.Simulator.Printed("output led is ON"), "a command for the relay switched the LED");
        }

        /// <summary>The time the simulator printed a line at ("HH:mm:ss.fff ...").</summary>
        private static TimeSpan TimeOf(string consoleLine)
        {
            return TimeSpan.ParseExact(consoleLine.Substring(0, 12), "hh\\:mm\\:ss\\.fff", System.Globalization.CultureInfo.InvariantCulture);
        }

        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        [InlineData(Brokers.MqttNet)]
        public void A_retained_command_left_on_the_broker_does_not_switch_the_output_at_start(string broker)
        {
            using NodeUnderTest node = NodeUnderTest.Online(
                broker,
                (started, baseTopic) =>
                {
                    using Observer stale = Observer.Connect(started);
                    stale.Publish(baseTopic + "/actuator/relay/set", "ON", retain: true);
                });

            Received ignored = node.Watcher.WaitFor("command_ignored", r => r.Topic == node.Base + "/event" && r.Payload.Contains("\"command_ignored\""), NodeUnderTest.Timeout);
            Assert.Contains("actuator/relay/set", ignored.Payload);
            int before = node.Watcher.Count;
            node.NextState(before);
            node.NextState(node.Watcher.Count);

            Assert.False(node.Simulator.Printed("output relay is ON"), node.Simulator.Console);
            using Observer late = Observer.Watch(node.Broker, node.Base + "/actuator/relay/state");
            Assert.Equal("OFF", late.WaitFor("relay state", r => true, NodeUnderTest.Timeout).Payload);
        }

        private static void SwitchAndExpect(NodeUnderTest node, string setTopic, string command, string stateTopic, string expected)
        {
            int before = node.Watcher.Count;
            node.Watcher.Publish(setTopic, command);
            node.Watcher.WaitFor(stateTopic, expected, NodeUnderTest.Timeout, before);
            node.Simulator.WaitForLine("output relay is " + expected, NodeUnderTest.Timeout);
        }
    }
}
