using nanoFramework.TestFramework;
using SensorNode.Core.Actuators;
using SensorNode.Core.Mqtt;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Actuators
{
    [TestClass]
    public class ActuatorTests
    {
        [TestMethod]
        public static void Outputs_start_in_their_initial_state_and_report_it_retained_after_connect()
        {
            NodeHarness node = NodeHarness.Started();

            Assert.IsFalse(node.Relay.IsOn);
            PublishedMessage relay = node.Link.Last(node.Base + "/actuator/relay/state");
            Assert.AreEqual("OFF", relay.Payload);
            Assert.IsTrue(relay.Retain);
            Assert.IsTrue(relay.Qos == MqttQos.AtMostOnce, "state echo is QoS 0: retained and republished after every connect");
            Assert.AreEqual("OFF", node.LastPayload("/actuator/led/state"));
        }

        [TestMethod]
        public static void On_off_and_toggle_drive_the_output_and_report_the_state()
        {
            NodeHarness node = NodeHarness.Started();

            node.Send("/actuator/relay/set", "ON");
            Assert.IsTrue(node.Relay.IsOn);
            Assert.AreEqual("ON", node.LastPayload("/actuator/relay/state"));

            node.Send("/actuator/relay/set", "toggle");
            Assert.IsFalse(node.Relay.IsOn);
            Assert.AreEqual("OFF", node.LastPayload("/actuator/relay/state"));

            node.Send("/actuator/led/set", "TOGGLE");
            Assert.IsTrue(node.Led.IsOn);
            Assert.IsFalse(node.Relay.IsOn, "a command for the led must not touch the relay");

            node.Send("/actuator/led/set", "off");
            Assert.IsFalse(node.Led.IsOn);
            Assert.AreEqual("OFF", node.LastPayload("/actuator/led/state"));
        }

        [TestMethod]
        public static void A_pulse_holds_the_state_for_for_ms_then_returns()
        {
            NodeHarness node = NodeHarness.Started();

            node.Send("/actuator/relay/set", "{\"state\":\"ON\",\"for_ms\":500}");
            Assert.IsTrue(node.Relay.IsOn);
            Assert.AreEqual(500, node.Node.Poll(), "the loop must wake when the pulse ends");

            node.Advance(499);
            Assert.IsTrue(node.Relay.IsOn);
            node.Advance(1);
            Assert.IsFalse(node.Relay.IsOn);
            Assert.AreEqual("OFF", node.LastPayload("/actuator/relay/state"));
        }

        [TestMethod]
        public static void A_new_command_cancels_a_running_pulse()
        {
            NodeHarness node = NodeHarness.Started();

            node.Send("/actuator/relay/set", "{\"state\":\"ON\",\"for_ms\":500}");
            node.Send("/actuator/relay/set", "ON");
            node.Advance(1000);

            Assert.IsTrue(node.Relay.IsOn);
        }

        [TestMethod]
        public static void States_are_published_again_after_every_reconnect()
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/actuator/led/set", "ON");
            node.Link.ClearRecorded();

            node.Link.Drop();
            node.Advance(10);

            Assert.AreEqual("ON", node.LastPayload("/actuator/led/state"));
            Assert.AreEqual("OFF", node.LastPayload("/actuator/relay/state"));
        }

        [TestMethod]
        public static void A_retained_command_is_ignored_by_default()
        {
            NodeHarness node = NodeHarness.Started();

            node.Send("/actuator/relay/set", "ON", true);

            Assert.IsFalse(node.Relay.IsOn);
            Assert.AreEqual(1, node.Relay.Writes.Count, "only the initial write may have happened");
            Assert.Contains("command_ignored", node.LastEvent());
        }

        [TestMethod]
        public static void Retained_commands_are_obeyed_when_configured()
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/config/set", "{\"accept_retained_commands\":true}");

            node.Send("/actuator/relay/set", "ON", true);

            Assert.IsTrue(node.Relay.IsOn);
        }

        [TestMethod]
        public static void Unknown_actuator_is_reported_with_the_known_ones()
        {
            NodeHarness node = NodeHarness.Started();

            node.Send("/actuator/pump/set", "ON");

            string error = node.LastEvent();
            Assert.Contains("\"type\":\"command_rejected\"", error);
            Assert.Contains("\"topic\":\"sensornode/node1/actuator/pump/set\"", error);
            Assert.Contains("unknown actuator \\\"pump\\\" (known: relay, led)", error);
            Assert.IsFalse(node.Link.Last(node.Base + "/event").Retain, "events are not retained");
        }

        [TestMethod]
        public static void Malformed_command_is_reported_and_changes_nothing()
        {
            NodeHarness node = NodeHarness.Started();

            node.Send("/actuator/relay/set", "{\"state\":\"ON\"");

            Assert.IsFalse(node.Relay.IsOn);
            Assert.Contains("malformed JSON", node.LastEvent());
        }

        [TestMethod]
        public static void Oversized_command_is_rejected_unparsed()
        {
            NodeHarness node = NodeHarness.Started();
            string huge = "ON";
            while (huge.Length <= ActuatorController.MaxCommandBytes)
            {
                huge += "                ";
            }

            node.Send("/actuator/relay/set", huge);

            Assert.IsFalse(node.Relay.IsOn);
            Assert.Contains("exceeds the 256-byte limit", node.LastEvent());
        }

        [TestMethod]
        public static void Stopping_leaves_outputs_in_their_safe_state_and_reports_it_before_offline()
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/actuator/relay/set", "ON");
            node.Send("/actuator/led/set", "{\"state\":\"ON\",\"for_ms\":60000}");
            node.Link.ClearRecorded();

            node.Node.Stop();

            Assert.IsFalse(node.Relay.IsOn);
            Assert.IsFalse(node.Led.IsOn);
            Assert.AreEqual("publish:sensornode/node1/actuator/relay/state", (string)node.Link.Calls[0]);
            Assert.AreEqual("OFF", node.LastPayload("/actuator/relay/state"));
            Assert.AreEqual("disconnect", (string)node.Link.Calls[node.Link.Calls.Count - 1]);
        }

        [TestMethod]
        public static void An_output_can_be_declared_safe_when_on()
        {
            FakeOutput pump = new FakeOutput();
            Actuator actuator = new Actuator("pump", pump, false, true);

            actuator.GoSafe();

            Assert.IsTrue(pump.IsOn);
            Assert.IsTrue(actuator.IsOn);
        }

        [TestMethod]
        public static void The_node_keeps_working_after_bad_input()
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/actuator/pump/set", "ON");
            node.Send("/actuator/relay/set", "\u0001\u0002garbage");
            node.Send("/config/set", "not json");

            node.Advance(30000);
            node.Send("/actuator/relay/set", "ON");

            Assert.StartsWith("{\"seq\":2,", node.LastPayload("/state"));
            Assert.IsTrue(node.Relay.IsOn);
            Assert.IsTrue(node.Node.IsOnline);
        }

        [TestMethod]
        public static void An_empty_message_deletes_a_retained_command_and_is_no_error()
        {
            NodeHarness node = NodeHarness.Started();
            int writes = node.Relay.Writes.Count;

            node.Send("/actuator/relay/set", "");
            node.Send("/actuator/relay/set", "", true);

            Assert.IsNull(node.LastEvent());
            Assert.AreEqual(writes, node.Relay.Writes.Count);
        }

        [TestMethod]
        public static void A_payload_that_is_not_utf8_is_rejected_naming_the_byte()
        {
            NodeHarness node = NodeHarness.Started();
            node.Link.Deliver(node.Base + "/actuator/relay/set", new byte[] { (byte)'O', 0xC0, 0x80 }, false);
            node.Node.Poll();

            Assert.Contains("\"type\":\"command_rejected\"", node.LastEvent());
            Assert.Contains("payload is not valid UTF-8 (byte 1)", node.LastEvent());
            Assert.AreEqual(-1, node.LastEvent().IndexOf("\\u0000"));
        }
    }
}
