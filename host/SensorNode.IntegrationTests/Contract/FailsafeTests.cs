using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using SensorNode.IntegrationTests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>An output's failsafes act after the configured time, and are reported when the node is online.</summary>
    public class FailsafeTests
    {
        private readonly ITestOutputHelper _output;

        public FailsafeTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        [InlineData(Brokers.MqttNet)]
        public void The_maximum_on_time_switches_the_output_off_after_the_configured_time(string broker)
        {
            using NodeUnderTest node = NodeUnderTest.Online(broker, "--outputs", "relay:max_on=2,led");
            int consoleBefore = node.Simulator.Lines.Length;
            int before = node.Watcher.Count;
            node.Watcher.Publish(node.Base + "/actuator/relay/set", "ON");
            node.Watcher.WaitFor(node.Base + "/actuator/relay/state", "ON", NodeUnderTest.Timeout, before);

            Received failsafe = node.Watcher.WaitFor("the failsafe event", r => r.Topic == node.Base + "/event" && r.Payload.Contains("\"failsafe\""), NodeUnderTest.Timeout, before);
            Assert.Contains("relay max_on at ", failsafe.Payload);
            Assert.Contains("on for its maximum of 2 s: switched OFF", failsafe.Payload);
            node.Watcher.WaitFor(node.Base + "/actuator/relay/state", "OFF", NodeUnderTest.Timeout, before);

            // The output's own timestamps (the simulator prints every write), not when an observer got the messages.
            string[] console = node.Simulator.Lines[consoleBefore..];
            int switchedOn = Array.FindIndex(console, l => l.Contains("output relay is ON"));
            TimeSpan on = TimeOf(console[switchedOn]);
            TimeSpan off = TimeOf(console.Skip(switchedOn).First(l => l.Contains("output relay is OFF")));
            _output.WriteLine(broker + ": relay on for " + (off - on).TotalMilliseconds + " ms with max_on=2");
            Assert.InRange((off - on).TotalMilliseconds, 1998, 3000); // whole milliseconds on both sides: 2 ms of slack below
        }

        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        [InlineData(Brokers.MqttNet)]
        public void An_output_goes_to_its_safe_state_when_the_broker_is_unreachable_for_the_configured_time(string broker)
        {
            using NodeUnderTest node = NodeUnderTest.Online(broker, "--outputs", "relay:offline_safe=3,led");
            node.Watcher.Publish(node.Base + "/actuator/relay/set", "ON");
            node.Watcher.Publish(node.Base + "/actuator/led/set", "ON");
            node.Watcher.WaitFor(node.Base + "/actuator/relay/state", "ON", NodeUnderTest.Timeout);
            node.Watcher.WaitFor(node.Base + "/actuator/led/state", "ON", NodeUnderTest.Timeout);

            int consoleBefore = node.Simulator.Lines.Length;
            node.RestartBroker(TimeSpan.FromSeconds(6));
            // The back-off is capped at 30 s (full jitter): back within that after the broker.
            node.Watcher.WaitFor(node.Base + "/status", "online", TimeSpan.FromSeconds(30 + 15));
            // The retained states are there whenever the new watcher subscribed; the event is not retained, and the node
            // may have been online before the watcher subscribed: the node's own log of the event is the record.
            node.Watcher.WaitFor(node.Base + "/actuator/relay/state", "OFF", NodeUnderTest.Timeout);
            node.Watcher.WaitFor(node.Base + "/actuator/led/state", "ON", NodeUnderTest.Timeout); // no failsafe: keeps its state
            string failsafe = node.Simulator.WaitForLine("failsafe on " + node.Base + "/actuator/relay/state", NodeUnderTest.Timeout);
            string[] console = node.Simulator.Lines[consoleBefore..];
            Assert.True(Array.FindIndex(console, l => l.Contains("output relay is OFF")) < Array.FindIndex(console, l => l.Contains("online:")),
                "the relay went safe while offline, the event came once online:\n" + string.Join("\n", console));
            Assert.True(Array.FindIndex(console, l => l.Contains("online:")) < Array.FindIndex(console, l => l.Contains("failsafe on ")), string.Join("\n", console));

            // The node's own times in the event: when it acted, and since when it was offline.
            Match times = Regex.Match(failsafe, @"relay offline_safe at .*\(uptime_ms (\d+)\): broker unreachable for 3 s \(offline since uptime_ms (\d+)\): put in its safe state OFF");
            Assert.True(times.Success, failsafe);
            long actedAfter = long.Parse(times.Groups[1].Value, CultureInfo.InvariantCulture) - long.Parse(times.Groups[2].Value, CultureInfo.InvariantCulture);
            _output.WriteLine(broker + ": relay safe " + actedAfter + " ms after the node went offline (offline_safe=3)");
            Assert.InRange(actedAfter, 3000, 4000);
            Assert.True(node.Simulator.Printed("output relay is OFF"), node.Simulator.Console);
        }

        /// <summary>The time the simulator printed a line at ("HH:mm:ss.fff ...").</summary>
        private static TimeSpan TimeOf(string consoleLine)
        {
            return TimeSpan.ParseExact(consoleLine.Substring(0, 12), "hh\\:mm\\:ss\\.fff", CultureInfo.InvariantCulture);
        }
    }
}
