using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using SensorNode.Core.Discovery;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>
    /// What Home Assistant sees on a real broker: the node's retained device discovery, checked against the keys
    /// Home Assistant's MQTT device discovery requires, and announced again when Home Assistant comes online.
    /// </summary>
    public class HomeAssistantTests
    {
        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        [InlineData(Brokers.MqttNet)]
        public void A_late_subscriber_to_homeassistant_gets_the_device_with_every_entity(string broker)
        {
            using NodeUnderTest node = NodeUnderTest.Online(broker, "--chips", "bme280,sht3x", "--outputs", "relay,strip:dimmer");
            string topic = HomeAssistantView.BaseTopic(node.Simulator.NodeId);

            // Late: once the node has announced. "Online" comes first, and the firmware on the virtual ESP32 takes a
            // little longer to build the announcement, or, when the heap had no room for it at the connect, sends it at
            // its first retry 10 s later; a subscriber in between gets it live, not retained.
            TimeSpan firstRetry = TimeSpan.FromMilliseconds(HomeAssistantDiscovery.FirstRetryDelayMs);
            using (Observer announced = Observer.Watch(node.Broker, topic))
            {
                node.ShowingConsole(() => announced.WaitFor(topic, r => r.Topic == topic, NodeUnderTest.Timeout + firstRetry));
            }

            // Its pieces, retained (a late subscriber gets only those), joined into one device as Home Assistant does.
            string[] sensors = { "bme280_temperature", "bme280_humidity", "bme280_pressure", "sht3x_temperature", "sht3x_humidity" };
            Dictionary<string, JsonElement> components = null;
            node.ShowingConsole(() => components = HomeAssistantView.Components(node.Broker, node.Simulator.NodeId, NodeUnderTest.Timeout + firstRetry, sensors.Concat(new[] { "relay", "strip", "diag_connects" }).ToArray()));
            using Observer homeAssistant = Observer.Watch(node.Broker, topic);
            Received discovery = homeAssistant.WaitFor(topic, r => r.Topic == topic, NodeUnderTest.Timeout);
            Assert.True(discovery.Retained);

            using JsonDocument document = JsonDocument.Parse(discovery.Payload);
            JsonElement root = document.RootElement;
            Assert.Equal("sensornode_" + node.Simulator.NodeId, root.GetProperty("device").GetProperty("identifiers")[0].GetString());
            Assert.Equal("SensorNode", root.GetProperty("origin").GetProperty("name").GetString());

            foreach (string id in sensors)
            {
                JsonElement sensor = components[id];
                Assert.Equal("sensor", sensor.GetProperty("platform").GetString());
                Assert.Equal(1, sensor.GetProperty("qos").GetInt32()); // per component: older HA reads no device-level qos
                JsonElement availability = sensor.GetProperty("availability");
                Assert.Equal(node.Base + "/status", availability[0].GetProperty("topic").GetString());
                Assert.Equal(node.Base + "/status/" + id.Substring(0, id.IndexOf('_')), availability[1].GetProperty("topic").GetString());
                Assert.Equal("all", sensor.GetProperty("availability_mode").GetString());
                Assert.Equal("measurement", sensor.GetProperty("state_class").GetString());
                Assert.False(string.IsNullOrEmpty(sensor.GetProperty("unit_of_measurement").GetString()));
                Assert.False(string.IsNullOrEmpty(sensor.GetProperty("device_class").GetString()));
                string stateTopic = sensor.GetProperty("state_topic").GetString();
                node.Watcher.WaitFor(stateTopic, r => r.Topic == stateTopic, NodeUnderTest.Timeout);
                using Observer late = Observer.Watch(node.Broker, stateTopic);
                Received reading = late.WaitFor(stateTopic, r => r.Topic == stateTopic, NodeUnderTest.Timeout);
                Assert.True(reading.Retained, stateTopic + " is what Home Assistant shows, so it must be retained");
            }

            Assert.Equal("switch", components["relay"].GetProperty("platform").GetString());
            JsonElement strip = components["strip"];
            Assert.Equal("light", strip.GetProperty("platform").GetString());
            Assert.Equal(100, strip.GetProperty("brightness_scale").GetInt32());
            Assert.Equal(components.Count, components.Values.Select(c => c.GetProperty("unique_id").GetString()).Distinct().Count());
        }

        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        [InlineData(Brokers.MqttNet)]
        public void Home_assistant_coming_online_gets_the_announcement_again(string broker)
        {
            using NodeUnderTest node = NodeUnderTest.Online(broker);
            string topic = "homeassistant/device/" + node.Simulator.NodeId + "/config";
            using Observer homeAssistant = Observer.Watch(node.Broker, "homeassistant/device/#");
            homeAssistant.WaitFor(topic, r => r.Topic == topic, NodeUnderTest.Timeout);
            int before = homeAssistant.Count;

            homeAssistant.Publish("homeassistant/status", "online");

            Received again = homeAssistant.WaitFor("the announcement again", r => r.Topic == topic, TimeSpan.FromSeconds(15), before);
            Assert.False(again.Retained, "a live message this time");
        }
        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        [InlineData(Brokers.MqttNet)]
        public void An_output_taken_out_is_removed_from_home_assistant_after_the_restart(string broker)
        {
            Skip.If(TestedNode.IsVirtualEsp32, "an output taken out of the board profile needs a rebuild of the firmware; the virtual ESP32 runs the unmodified image");
            DirectoryInfo flash = Directory.CreateTempSubdirectory("sensornode-flash-");
            try
            {
                using NodeUnderTest node = NodeUnderTest.Online(broker, "--state", flash.FullName, "--outputs", "relay,strip:dimmer");
                string topic = HomeAssistantView.PieceTopic(node.Simulator.NodeId, "outputs");
                using Observer homeAssistant = Observer.Watch(node.Broker, "homeassistant/#");
                Received first = homeAssistant.WaitFor(topic, r => r.Topic == topic, NodeUnderTest.Timeout);
                Assert.Contains("\"strip\":{\"platform\":\"light\",", first.Payload);
                // Every piece out (the node notes what it announced once the last has gone), then the orderly stop.
                HomeAssistantView.Components(node.Broker, node.Simulator.NodeId, NodeUnderTest.Timeout, "diag_connects", "bme280_temperature", "relay", "strip");
                Assert.Equal(0, node.Simulator.Terminate(NodeUnderTest.Timeout));

                // The same node (same flash) started again without the strip, as after changing the board profile.
                int beforeRestart = homeAssistant.Count;
                using SimulatorProcess again = SimulatorProcess.Start(node.Broker, node.Simulator.NodeId, "--state", flash.FullName, "--outputs", "relay");
                homeAssistant.WaitFor("the announcement after the restart", r => r.Topic == topic, NodeUnderTest.StartTimeout, beforeRestart);

                using Observer late = Observer.Watch(node.Broker, topic);
                Received discovery = late.WaitFor(topic, r => r.Topic == topic, NodeUnderTest.Timeout);
                Assert.True(discovery.Retained);
                using JsonDocument document = JsonDocument.Parse(discovery.Payload);
                JsonElement components = document.RootElement.GetProperty("components");
                JsonElement strip = components.GetProperty("strip");
                Assert.Equal("light", strip.GetProperty("platform").GetString());
                Assert.Single(strip.EnumerateObject()); // nothing but the platform: Home Assistant removes the entity
                Assert.True(components.GetProperty("relay").GetProperty("unique_id").GetString().Length > 0);
            }
            finally
            {
                flash.Delete(true);
            }
        }
    }
}
