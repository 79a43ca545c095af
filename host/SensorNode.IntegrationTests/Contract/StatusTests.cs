using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using SensorNode.IntegrationTests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>Status, retained readings and the Last-Will, against each real broker.</summary>
    public class StatusTests
    {
        private readonly ITestOutputHelper _output;

        public StatusTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        [InlineData(Brokers.MqttNet)]
        public void A_subscriber_that_connects_later_sees_online_readings_and_state_retained(string broker)
        {
            using NodeUnderTest node = NodeUnderTest.Online(broker);

            using Observer late = Observer.Watch(node.Broker, node.Base + "/#");
            Assert.True(late.WaitFor(node.Base + "/status", "online", NodeUnderTest.Timeout).Retained);
            foreach (string quantity in new[] { "temperature", "humidity", "pressure" })
            {
                Received reading = late.WaitFor(quantity, r => r.Topic == node.Base + "/sensor/bme280/" + quantity && r.Retained, NodeUnderTest.Timeout);
                double value = double.Parse(reading.Payload, NumberStyles.Float, CultureInfo.InvariantCulture);
                Assert.InRange(value, quantity == "pressure" ? 900 : 0, quantity == "pressure" ? 1100 : 100);
            }

            Received state = late.WaitFor("the retained state", r => r.Topic == node.Base + "/state" && r.Retained, NodeUnderTest.Timeout);
            Assert.Matches("^\\{\"seq\":[0-9]+,\"time\":\"[0-9T:-]+Z\",\"uptime_ms\":[0-9]+,\"sensors\":\\{\"bme280\":\\{\"temperature\":[0-9.]+,\"humidity\":[0-9.]+,\"pressure\":[0-9.]+\\}\\},\"actuators\":" + Regex.Escape(TestedNode.ActuatorsAtBootJson) + "\\}$", state.Payload);
        }

        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        [InlineData(Brokers.MqttNet)]
        public void A_killed_node_is_declared_offline_by_its_last_will(string broker)
        {
            using NodeUnderTest node = NodeUnderTest.Online(broker);
            int before = node.Watcher.Count;

            node.Simulator.Kill();

            node.Watcher.WaitFor(node.Base + "/status", "offline", TimeSpan.FromSeconds(1.5 * SimulatorProcess.KeepAliveSeconds), before);
            using Observer late = Observer.Watch(node.Broker, node.Base + "/status");
            Assert.True(late.WaitFor(node.Base + "/status", "offline", NodeUnderTest.Timeout).Retained);
        }

        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        [InlineData(Brokers.MqttNet)]
        public void A_silent_node_is_declared_offline_within_one_and_a_half_keep_alives(string broker)
        {
            using NodeUnderTest node = NodeUnderTest.Online(broker);
            int before = node.Watcher.Count;

            // The socket stays open: only the broker's keep-alive check can notice. The node sent its last packet at
            // most one telemetry interval (1 s) before the freeze, so 1.5 × keep-alive from the freeze is the limit the
            // protocol sets, plus how coarsely the broker checks (see BrokerCheckSlack).
            long frozenAt = Stopwatch.GetTimestamp();
            node.Simulator.Freeze();
            // + 2 s: the freeze and the observer's receipt are timed here, and on a busy 2-core CI machine the broker's
            // check, its publish and this process's read were seen 0.5 s late together (9.48 and 9.55 s of 9 s).
            TimeSpan limit = TimeSpan.FromSeconds(1.5 * SimulatorProcess.KeepAliveSeconds) + BrokerCheckSlack(broker) + TimeSpan.FromSeconds(2);
            Received offline = node.Watcher.WaitFor(node.Base + "/status", "offline", limit + TimeSpan.FromSeconds(5), before);

            TimeSpan took = Stopwatch.GetElapsedTime(frozenAt, offline.At);
            _output.WriteLine(broker + ": offline " + took.TotalSeconds.ToString("0.00") + " s after the node went silent (keep-alive " + SimulatorProcess.KeepAliveSeconds + " s, limit " + limit.TotalSeconds + " s)");
            Assert.True(took <= limit, "offline came " + took.TotalSeconds + " s after the node went silent; the limit is " + limit.TotalSeconds + " s");
        }

        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        [InlineData(Brokers.MqttNet)]
        public void After_the_broker_restarts_the_node_reconnects_and_publishes_everything_again(string broker)
        {
            using NodeUnderTest node = NodeUnderTest.Online(broker);
            node.ShowingConsole(() =>
            {
                node.Watcher.Publish(node.Base + "/actuator/led/set", "ON");
                node.Watcher.WaitFor(node.Base + "/actuator/led/state", "ON", NodeUnderTest.Timeout);

                node.RestartBroker(TimeSpan.FromSeconds(2)); // a restarted broker without persistence has forgotten everything

                TimeSpan reconnect = TimeSpan.FromSeconds(20); // full-jitter back-off: windows of 1, 2, 4, 8 s, so online by 15 s
                node.Watcher.WaitFor(node.Base + "/status", "online", reconnect);
                node.Watcher.WaitFor(node.Base + "/actuator/led/state", "ON", NodeUnderTest.Timeout);
                node.Watcher.WaitFor(node.Base + "/actuator/relay/state", "OFF", NodeUnderTest.Timeout);
                node.Watcher.WaitFor("a reading", r => r.Topic == node.Base + "/sensor/bme280/temperature", NodeUnderTest.Timeout);
            });

            Assert.True(node.Simulator.Printed("MQTT connection lost after"), node.Simulator.Console);

            using Observer late = Observer.Watch(node.Broker, node.Base + "/status");
            Assert.True(late.WaitFor(node.Base + "/status", "online", NodeUnderTest.Timeout).Retained);
        }

        /// <summary>
        /// How late after 1.5 × keep-alive a broker may notice a silent client, from its source. mosquitto 2.0 runs
        /// its keep-alive check only when more than 5 s passed since the last one, on whole-second clocks
        /// (src/keepalive.c): up to 7 s. MQTTnet 5 checks every 0.5 s (MqttServerKeepAliveOptions.MonitorInterval)
        /// and times from the last packet it sent the client, which the node's PINGREQs keep recent: 1.5 s.
        /// </summary>
        private static TimeSpan BrokerCheckSlack(string broker)
        {
            return TimeSpan.FromSeconds(broker == Brokers.Mosquitto ? 7 : 1.5);
        }

        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        [InlineData(Brokers.MqttNet)]
        public void An_orderly_shutdown_publishes_offline_retained_and_leaves_outputs_safe(string broker)
        {
            using NodeUnderTest node = NodeUnderTest.Online(broker);
            node.Watcher.Publish(node.Base + "/actuator/relay/set", "ON");
            node.Watcher.WaitFor(node.Base + "/actuator/relay/state", "ON", NodeUnderTest.Timeout);
            int before = node.Watcher.Count;

            Assert.Equal(0, node.Simulator.Terminate(NodeUnderTest.Timeout));

            node.Watcher.WaitFor(node.Base + "/actuator/relay/state", "OFF", NodeUnderTest.Timeout, before);
            node.Watcher.WaitFor(node.Base + "/status", "offline", NodeUnderTest.Timeout, before);
            Assert.True(node.Simulator.Printed("output relay is OFF"), node.Simulator.Console);
            using Observer late = Observer.Watch(node.Broker, node.Base + "/status");
            Assert.True(late.WaitFor(node.Base + "/status", "offline", NodeUnderTest.Timeout).Retained);
        }
    }
}
