using nanoFramework.TestFramework;
using SensorNode.Core.Discovery;
using SensorNode.Core.Mqtt;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Discovery
{
    /// <summary>
    /// Homie 5 (homieiot.github.io/specification): a device "homie/5/{id}" whose "$state" is the Last-Will "lost",
    /// goes init then ready after every connect and disconnected at an orderly stop, whose "$description" lists
    /// nodes and properties with their datatypes, and whose settable properties take "/set" — rendered from the same
    /// entities as Home Assistant's announcement.
    /// </summary>
    [TestClass]
    public class HomieAdapterTests
    {
        private const string Device = "homie/5/node1";

        [TestMethod]
        public static void Off_by_default_the_last_will_is_the_nodes_status_and_nothing_is_homie()
        {
            NodeHarness node = WithHomie(false);

            Assert.AreEqual("sensornode/node1/status", node.Link.LastOptions.WillTopic);
            Assert.AreEqual(0, node.Link.CountOn(Device + "/$state"));
            Assert.IsFalse(node.Link.IsSubscribed(Device + "/outputs/relay/set"));
        }

        [TestMethod]
        public static void Switched_on_by_config_it_takes_the_last_will_and_goes_init_then_ready_with_its_description()
        {
            NodeHarness node = WithHomie(true);

            Assert.AreEqual(Device + "/$state", node.Link.LastOptions.WillTopic);
            Assert.AreEqual("lost", Core.Text.Utf8.GetString(node.Link.LastOptions.WillPayload));
            Assert.IsTrue(node.Link.LastOptions.WillRetain);
            Assert.AreEqual("ready", node.Link.Last(Device + "/$state").Payload);
            Assert.IsTrue(node.Link.Last(Device + "/$state").Retain);
            string description = node.Link.Last(Device + "/$description").Payload;
            Assert.StartsWith("{\"homie\":\"5.0\",\"version\":", description);
            Assert.Contains("\"bme280\":{\"name\":\"bme280\",\"properties\":{\"temperature\":{\"name\":\"bme280 temperature\",\"datatype\":\"float\",\"unit\":\"°C\"},", description);
            Assert.Contains("\"outputs\":{\"name\":\"outputs\",\"properties\":{\"relay\":{\"name\":\"relay\",\"datatype\":\"boolean\",\"settable\":true},\"led\":", description);
            Assert.Contains("\"strip\":{\"name\":\"strip\",\"datatype\":\"integer\",\"format\":\"0:100\",\"unit\":\"%\",\"settable\":true}", description);
            Assert.AreEqual(-1, description.IndexOf("diag"), "diagnostics stay on {base}/diag");
        }

        [TestMethod]
        public static void Home_assistant_then_also_watches_the_homie_state_so_a_vanished_node_is_unavailable()
        {
            NodeHarness node = WithHomie(true);

            Assert.Contains("\"relay\":{\"platform\":\"switch\",\"qos\":1,\"name\":\"relay\",\"unique_id\":\"sensornode_node1_relay\",\"command_topic\":\"sensornode/node1/actuator/relay/set\",\"state_topic\":\"sensornode/node1/actuator/relay/state\",\"availability\":[{\"topic\":\"sensornode/node1/status\"},{\"topic\":\"homie/5/node1/$state\",\"payload_available\":\"ready\",\"payload_not_available\":\"lost\"}],\"availability_mode\":\"all\"", node.HomeAssistantAnnouncement());
        }

        [TestMethod]
        public static void Values_the_node_publishes_are_published_on_the_properties()
        {
            NodeHarness node = WithHomie(true);
            node.Advance(60000);

            Assert.AreEqual(node.LastPayload("/sensor/bme280/temperature"), node.Link.Last(Device + "/bme280/temperature").Payload);
            Assert.IsTrue(node.Link.Last(Device + "/bme280/temperature").Retain);
            Assert.AreEqual("false", node.Link.Last(Device + "/outputs/relay").Payload);
            Assert.AreEqual("0", node.Link.Last(Device + "/outputs/strip").Payload);
        }

        [TestMethod]
        public static void A_set_is_the_outputs_own_command_with_its_state_on_both_topics()
        {
            NodeHarness node = WithHomie(true);

            node.Link.Deliver(Device + "/outputs/relay/set", "true", false);
            node.Node.Poll();
            node.Node.Poll();
            Assert.IsTrue(node.Relay.IsOn);
            Assert.AreEqual("ON", node.LastPayload("/actuator/relay/state"));
            Assert.AreEqual("true", node.Link.Last(Device + "/outputs/relay").Payload);

            node.Link.Deliver(Device + "/outputs/strip/set", "40", false);
            node.Node.Poll();
            node.Node.Poll();
            Assert.AreEqual(40, node.Strip.Level);
            Assert.AreEqual("40", node.Link.Last(Device + "/outputs/strip").Payload);
        }

        [TestMethod]
        public static void A_set_that_is_no_value_of_the_datatype_or_of_no_property_is_rejected_on_the_event_topic()
        {
            NodeHarness node = WithHomie(true);

            node.Link.Deliver(Device + "/outputs/relay/set", "ON", false);
            node.Node.Poll();
            Assert.Contains("a Homie boolean is true or false", node.LastEvent());
            node.Link.Deliver(Device + "/outputs/strip/set", "040", false);
            node.Node.Poll();
            Assert.Contains("a Homie integer from 0 to 100 without sign or leading zeros", node.LastEvent());
            node.Link.Deliver(Device + "/bme280/temperature/set", "20", false);
            node.Node.Poll();
            Assert.Contains("no settable Homie property at this topic", node.LastEvent());
            Assert.IsFalse(node.Relay.IsOn);
            Assert.AreEqual(0, node.Strip.Level);
        }

        [TestMethod]
        public static void An_orderly_stop_says_disconnected()
        {
            NodeHarness node = WithHomie(true);

            node.Node.Stop();

            Assert.AreEqual("disconnected", node.Link.Last(Device + "/$state").Payload);
        }

        [TestMethod]
        public static void Switched_off_again_the_device_is_cleared_and_the_last_will_is_the_status_again()
        {
            NodeHarness node = WithHomie(true);

            node.Send("/config/set", "{\"homie\":false}");
            node.Advance(10);
            node.Node.Poll();

            Assert.AreEqual("sensornode/node1/status", node.Link.LastOptions.WillTopic);
            Assert.AreEqual("", node.Link.Last(Device + "/$state").Payload);
            Assert.AreEqual("", node.Link.Last(Device + "/$description").Payload);
        }

        [TestMethod]
        public static void Homie_ids_are_lower_case_letters_digits_and_hyphens()
        {
            Assert.AreEqual("gas-resistance", HomieAdapter.IdOf("gas_resistance"));
            Assert.AreEqual("node-7", HomieAdapter.IdOf("Node_7"));
        }

        private static NodeHarness WithHomie(bool on)
        {
            NodeHarness node = new NodeHarness();
            node.Strip = new FakeDimmer();
            node.Build();
            node.Node.AddPart(new HomieAdapter(node.Node.Context));
            node.Node.Start();
            node.Node.Poll();
            if (on)
            {
                node.Send("/config/set", "{\"homie\":true}");
                node.Advance(10);
                node.Node.Poll();
            }

            return node;
        }
    }
}
