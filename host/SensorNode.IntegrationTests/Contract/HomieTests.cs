using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using SensorNode.Core.Discovery;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>
    /// Homie 5 and Home Assistant rendered from the same entities, as a user checks them with mosquitto's own clients
    /// on mosquitto: Homie switched on by a config, its device described and ready, its values and commands, and its
    /// "$state" "lost" from the Last-Will when the node is killed.
    /// </summary>
    public class HomieTests
    {
        private static readonly TimeSpan Timeout = NodeUnderTest.Timeout;

        [SkippableFact]
        public void Homie_switched_on_by_config_describes_the_same_entities_as_home_assistant_and_goes_lost_on_kill_9()
        {
            using NodeUnderTest node = NodeUnderTest.Online(Brokers.Mosquitto, "--outputs", "relay,led,strip:dimmer");
            string device = HomieAdapter.Root + "/" + HomieAdapter.IdOf(node.Simulator.NodeId);

            MosquittoPub.Publish(node.Broker, node.Base + "/config/set", "{\"homie\":true}");
            MosquittoSub.WaitForRetained(node.Broker, device + "/$state", "ready", NodeUnderTest.StartTimeout);

            string[] homie = MosquittoSub.Retained(node.Broker, device + "/#");
            string descriptionLine = homie.Single(line => line.StartsWith(device + "/$description "));
            using JsonDocument description = JsonDocument.Parse(descriptionLine.Substring(device.Length + "/$description ".Length));
            JsonElement root = description.RootElement;
            Assert.Equal("5.0", root.GetProperty("homie").GetString());
            Assert.True(root.GetProperty("version").GetInt64() > 0);
            JsonElement nodes = root.GetProperty("nodes");
            JsonElement temperature = nodes.GetProperty("bme280").GetProperty("properties").GetProperty("temperature");
            Assert.Equal("float", temperature.GetProperty("datatype").GetString());
            Assert.Equal("°C", temperature.GetProperty("unit").GetString());
            JsonElement outputs = nodes.GetProperty("outputs").GetProperty("properties");
            Assert.Equal("boolean", outputs.GetProperty("relay").GetProperty("datatype").GetString());
            Assert.True(outputs.GetProperty("relay").GetProperty("settable").GetBoolean());
            Assert.Equal("integer", outputs.GetProperty("strip").GetProperty("datatype").GetString());
            Assert.Equal("0:100", outputs.GetProperty("strip").GetProperty("format").GetString());
            JsonElement identify = nodes.GetProperty("actions").GetProperty("properties").GetProperty("identify");
            Assert.Equal("enum", identify.GetProperty("datatype").GetString());
            Assert.False(identify.GetProperty("retained").GetBoolean());

            // Home Assistant's announcement comes from the same entities: every Homie property is a component there.
            string reading = WaitForRetainedLine(node, device + "/bme280/temperature", line => true);
            Assert.InRange(double.Parse(reading.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), 0, 100);
            // Announced again after the reconnect Homie's Last-Will needed: with it, Home Assistant also watches $state,
            // or a killed node would look alive.
            Dictionary<string, JsonElement> components = null;
            DateTime until = DateTime.UtcNow + NodeUnderTest.StartTimeout;
            do
            {
                components = HomeAssistantComponents(node);
            }
            while (!(components.ContainsKey("relay") && WatchesHomieState(components["relay"], device)) && DateTime.UtcNow < until);
            foreach (JsonProperty homieNode in nodes.EnumerateObject())
            {
                foreach (JsonProperty property in homieNode.Value.GetProperty("properties").EnumerateObject())
                {
                    string key = homieNode.Name == "outputs" || homieNode.Name == "actions" ? property.Name : homieNode.Name + "_" + property.Name;
                    Assert.True(components.ContainsKey(key), "Home Assistant lacks " + key + " that Homie has");
                }
            }

            Assert.Equal("button", components["identify"].GetProperty("platform").GetString());
            Assert.Equal(node.Base + "/identify", components["identify"].GetProperty("command_topic").GetString());
            Assert.True(WatchesHomieState(components["relay"], device), components["relay"].ToString());

            // A Homie command is the relay's own command: its state on the node's topic and on Homie's.
            MosquittoPub.Publish(node.Broker, device + "/outputs/relay/set", "true");
            MosquittoSub.WaitForRetained(node.Broker, node.Base + "/actuator/relay/state", "ON", Timeout);
            MosquittoSub.WaitForRetained(node.Broker, device + "/outputs/relay", "true", Timeout);
            MosquittoPub.Publish(node.Broker, device + "/outputs/strip/set", "40");
            MosquittoSub.WaitForRetained(node.Broker, device + "/outputs/strip", "40", Timeout);
            int before = node.Watcher.Count;
            MosquittoPub.Publish(node.Broker, device + "/outputs/strip/set", "140");
            Received rejected = node.Watcher.WaitFor("the rejection", r => r.Topic == node.Base + "/event" && r.Payload.Contains("command_rejected"), Timeout, before);
            Assert.Contains("0 to 100", rejected.Payload);

            node.Simulator.Kill();
            MosquittoSub.WaitForRetained(node.Broker, device + "/$state", "lost", TimeSpan.FromSeconds(1.5 * SimulatorProcess.KeepAliveSeconds) + Timeout);
        }

        [SkippableFact]
        public void Home_assistants_identify_button_blinks_the_led_and_leaves_it_as_it_was()
        {
            using NodeUnderTest node = NodeUnderTest.Online(Brokers.Mosquitto, "--outputs", "relay,led");
            int before = node.Watcher.Count;

            MosquittoPub.Publish(node.Broker, node.Base + "/identify", HomeAssistantDiscovery.ButtonPress);

            string ledState = node.Base + "/actuator/led/state";
            Received first = node.Watcher.WaitFor("the first blink", r => r.Topic == ledState && r.Payload == "ON", Timeout, before);
            Received last = first;
            for (int toggle = 2; toggle <= Core.Actuators.IdentifyPart.Toggles; toggle++)
            {
                last = node.Watcher.WaitFor("blink " + toggle, r => r.Topic == ledState, Timeout, node.Watcher.All.ToList().IndexOf(last) + 1);
            }

            Assert.Equal("OFF", last.Payload);
            MosquittoSub.WaitForRetained(node.Broker, ledState, "OFF", Timeout);
        }

        /// <summary>The components of every retained piece of the node's Home Assistant announcement, as mosquitto_sub shows them.</summary>
        private static Dictionary<string, JsonElement> HomeAssistantComponents(NodeUnderTest node)
        {
            Dictionary<string, JsonElement> components = new Dictionary<string, JsonElement>();
            string filter = "homeassistant/device/" + node.Simulator.NodeId + "/#";
            foreach (string line in MosquittoSub.Retained(node.Broker, filter))
            {
                int space = line.IndexOf(' ');
                if (space < 0 || !line.EndsWith("}"))
                {
                    continue;
                }

                using JsonDocument piece = JsonDocument.Parse(line.Substring(space + 1));
                foreach (JsonProperty component in piece.RootElement.GetProperty("components").EnumerateObject())
                {
                    components[component.Name] = component.Value.Clone();
                }
            }

            return components;
        }

        private static bool WatchesHomieState(JsonElement component, string device)
        {
            return component.TryGetProperty("availability", out JsonElement availability)
                && availability.EnumerateArray().Any(a => a.GetProperty("topic").GetString() == device + "/$state" && a.GetProperty("payload_not_available").GetString() == "lost");
        }

        private static string WaitForRetainedLine(NodeUnderTest node, string topic, Func<string, bool> match)
        {
            DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            string[] seen;
            do
            {
                seen = MosquittoSub.Retained(node.Broker, topic);
                string line = seen.FirstOrDefault(l => l.StartsWith(topic + " ") && match(l));
                if (line != null)
                {
                    return line;
                }
            }
            while (DateTime.UtcNow < deadline);
            throw new TimeoutException("no matching retained " + topic + "; saw " + seen.Length + " line(s)");
        }
    }
}
