using nanoFramework.TestFramework;
using SensorNode.Core.Actuators;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Actuators
{
    /// <summary>The identify button: a press blinks the LED through the actuators' own commands and leaves it as it was.</summary>
    [TestClass]
    public class IdentifyTests
    {
        [TestMethod]
        public static void A_press_blinks_the_led_six_times_half_a_second_apart_and_leaves_it_off()
        {
            NodeHarness node = WithIdentify("led");
            int bootWrites = node.Led.Writes.Count;

            node.Send("/identify", "PRESS");
            node.Node.Poll(); // the first toggle is handed to the node's inbox at once and carried out at the next turn

            Assert.IsTrue(node.Led.IsOn, "first blink");
            Assert.AreEqual("ON", node.LastPayload("/actuator/led/state"));
            for (int toggle = 2; toggle <= IdentifyPart.Toggles; toggle++)
            {
                bool before = node.Led.IsOn;
                node.Advance(IdentifyPart.BlinkMs - 1);
                Assert.AreEqual(before, node.Led.IsOn, "early at toggle " + toggle);
                node.Advance(1);
                node.Node.Poll();
                Assert.AreEqual(!before, node.Led.IsOn, "toggle " + toggle);
            }

            Assert.IsFalse(node.Led.IsOn);
            Assert.AreEqual("OFF", node.LastPayload("/actuator/led/state"));
            node.Advance(10 * IdentifyPart.BlinkMs);
            Assert.AreEqual(bootWrites + IdentifyPart.Toggles, node.Led.Writes.Count, "no blink after the sixth");
            Assert.IsTrue(node.Log.Contains("identify: blinking led"));
        }

        [TestMethod]
        public static void A_lit_led_blinks_and_stays_lit_and_a_press_mid_blink_starts_again_and_ends_as_it_began()
        {
            NodeHarness node = WithIdentify("led");
            node.Send("/actuator/led/set", "ON");

            node.Send("/identify", "PRESS");
            node.Node.Poll();
            Assert.IsFalse(node.Led.IsOn, "first blink");
            node.Send("/identify", "PRESS"); // after an odd number of toggles
            for (int turn = 0; turn < 3 * IdentifyPart.Toggles; turn++)
            {
                node.Advance(IdentifyPart.BlinkMs);
                node.Node.Poll();
            }

            Assert.IsTrue(node.Led.IsOn);
            Assert.AreEqual("ON", node.LastPayload("/actuator/led/state"));
        }

        [TestMethod]
        public static void It_is_a_home_assistant_button_on_its_own_topic()
        {
            NodeHarness node = WithIdentify("led");

            Assert.Contains("\"identify\":{\"platform\":\"button\",\"qos\":1,\"name\":\"identify\",\"unique_id\":\"sensornode_node1_identify\",\"command_topic\":\"sensornode/node1/identify\",\"availability_topic\":\"sensornode/node1/status\",\"payload_available\":\"online\",\"payload_not_available\":\"offline\",\"payload_press\":\"PRESS\"}", node.HomeAssistantAnnouncement());
            Assert.IsTrue(node.Link.IsSubscribed("sensornode/node1/identify"));
        }

        [TestMethod]
        public static void A_board_without_the_output_has_no_button_and_runs_on()
        {
            NodeHarness node = WithIdentify("beacon");

            Assert.IsTrue(node.Log.Contains("identify: the board has no output beacon; no identify button"));
            Assert.AreEqual(-1, node.HomeAssistantAnnouncement().IndexOf("identify"));
            node.Send("/identify", "PRESS");
            Assert.Contains("no handler for this topic", node.LastEvent());
            node.Send("/actuator/relay/set", "ON");
            Assert.IsTrue(node.Relay.IsOn);
        }

        private static NodeHarness WithIdentify(string outputId)
        {
            NodeHarness node = new NodeHarness().Build();
            node.Node.AddPart(new IdentifyPart(node.Node.Context, outputId));
            node.Node.Start();
            node.Node.Poll();
            return node;
        }
    }
}
