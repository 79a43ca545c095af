using System;
using System.Linq;
using System.Text.Json;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>A servo output ("--outputs arm:servo") through the simulator against a real broker: angles, pulses, refusals, Home Assistant's number.</summary>
    public class ServoTests
    {
        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        public void Angles_move_the_servo_and_come_back_retained_and_a_pulse_returns(string broker)
        {
            using NodeUnderTest node = NodeUnderTest.Online(broker, "--outputs", "relay,arm:servo");
            string set = node.Base + "/actuator/arm/set";
            string state = node.Base + "/actuator/arm/state";
            node.Simulator.WaitForLine("output arm is at 90°", NodeUnderTest.Timeout);

            int before = node.Watcher.Count;
            node.Watcher.Publish(set, "45");
            node.Watcher.WaitFor(state, "45", NodeUnderTest.Timeout, before);
            node.Simulator.WaitForLine("output arm is at 45°", NodeUnderTest.Timeout);

            before = node.Watcher.Count;
            int consoleBefore = node.Simulator.Lines.Length;
            node.Watcher.Publish(set, "{\"angle\":150,\"for_ms\":600}");
            node.Watcher.WaitFor(state, "150", NodeUnderTest.Timeout, before);
            node.Watcher.WaitFor(state, "45", NodeUnderTest.Timeout, before);
            node.Simulator.WaitForLine("the return to 45°", l => l.Contains("output arm is at 45°"), NodeUnderTest.Timeout, consoleBefore);

            // Measured where the servo moves (the simulator's own timestamps), not where an observer receives messages.
            string[] console = node.Simulator.Lines[consoleBefore..];
            TimeSpan held = TimeOf(console.First(l => l.Contains("output arm is at 45°"))) - TimeOf(console.First(l => l.Contains("output arm is at 150°")));
            Assert.InRange(held.TotalMilliseconds, 598, 1600);

            using Observer late = Observer.Watch(node.Broker, state);
            Received retained = late.WaitFor(state, "45", NodeUnderTest.Timeout);
            Assert.True(retained.Retained);
        }

        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        public void What_is_not_an_angle_is_rejected_on_the_event_topic_and_the_servo_stays(string broker)
        {
            using NodeUnderTest node = NodeUnderTest.Online(broker, "--outputs", "arm:servo");
            string set = node.Base + "/actuator/arm/set";
            node.Simulator.WaitForLine("output arm is at 90°", NodeUnderTest.Timeout);

            foreach (string payload in new[] { "ON", "181", "{\"level\":40}" })
            {
                int before = node.Watcher.Count;
                node.Watcher.Publish(set, payload);
                Received rejected = node.Watcher.WaitFor("command_rejected for " + payload,
                    r => r.Topic == node.Base + "/event" && r.Payload.Contains("\"command_rejected\""), NodeUnderTest.Timeout, before);
                Assert.Contains("arm is a servo", rejected.Payload);
            }

            Assert.Single(node.Simulator.Lines, l => l.Contains("output arm is at"));
        }

        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        public void Home_assistant_gets_a_number_from_0_to_180_degrees(string broker)
        {
            using NodeUnderTest node = NodeUnderTest.Online(broker, "--outputs", "relay,arm:servo");
            string topic = HomeAssistantView.PieceTopic(node.Simulator.NodeId, "outputs");

            using Observer homeAssistant = Observer.Watch(node.Broker, "homeassistant/#");
            Received discovery = homeAssistant.WaitFor(topic, r => r.Topic == topic, NodeUnderTest.Timeout);

            using JsonDocument document = JsonDocument.Parse(discovery.Payload);
            JsonElement arm = document.RootElement.GetProperty("components").GetProperty("arm");
            Assert.Equal("number", arm.GetProperty("platform").GetString());
            Assert.Equal(0, arm.GetProperty("min").GetInt32());
            Assert.Equal(180, arm.GetProperty("max").GetInt32());
            Assert.Equal(node.Base + "/actuator/arm/set", arm.GetProperty("command_topic").GetString());
            Assert.Equal(node.Base + "/actuator/arm/state", arm.GetProperty("state_topic").GetString());
            Assert.False(arm.TryGetProperty("payload_on", out _));
            Assert.Equal("switch", document.RootElement.GetProperty("components").GetProperty("relay").GetProperty("platform").GetString());
        }

        /// <summary>The time the simulator printed a line at ("HH:mm:ss.fff ...").</summary>
        private static TimeSpan TimeOf(string consoleLine)
        {
            return TimeSpan.ParseExact(consoleLine.Substring(0, 12), "hh\\:mm\\:ss\\.fff", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
