using nanoFramework.TestFramework;
using SensorNode.Core.Actuators;
using SensorNode.Core.Board;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Actuators
{
    [TestClass]
    public class DimmerTests
    {
        [TestMethod]
        public static void A_level_sets_the_output_and_is_reported_retained_with_its_state()
        {
            NodeHarness node = WithStrip();

            node.Send("/actuator/strip/set", "40%");

            Assert.AreEqual(40, node.Strip.Level);
            Assert.AreEqual("{\"state\":\"ON\",\"level\":40}", node.LastPayload("/actuator/strip/state"));
            Assert.IsTrue(node.Link.Last(node.Base + "/actuator/strip/state").Retain);
            Assert.Contains("\"strip\":{\"state\":\"ON\",\"level\":40}", SnapshotAfterACycle(node));
        }

        [TestMethod]
        public static void Off_and_on_return_to_the_last_level_and_toggle_does_too()
        {
            NodeHarness node = WithStrip();
            node.Send("/actuator/strip/set", "{\"level\":65}");

            node.Send("/actuator/strip/set", "OFF");
            Assert.AreEqual(0, node.Strip.Level);
            Assert.AreEqual("{\"state\":\"OFF\",\"level\":0}", node.LastPayload("/actuator/strip/state"));

            node.Send("/actuator/strip/set", "ON");
            Assert.AreEqual(65, node.Strip.Level);
            node.Send("/actuator/strip/set", "TOGGLE");
            Assert.AreEqual(0, node.Strip.Level);
            node.Send("/actuator/strip/set", "TOGGLE");
            Assert.AreEqual(65, node.Strip.Level);
        }

        [TestMethod]
        public static void On_without_any_level_before_is_full()
        {
            NodeHarness node = WithStrip();

            node.Send("/actuator/strip/set", "ON");

            Assert.AreEqual(100, node.Strip.Level);
        }

        [TestMethod]
        public static void A_pulse_at_a_level_returns_to_the_level_before()
        {
            NodeHarness node = WithStrip();
            node.Send("/actuator/strip/set", "20%");

            node.Send("/actuator/strip/set", "{\"level\":90,\"for_ms\":500}");
            Assert.AreEqual(90, node.Strip.Level);

            node.Advance(500);
            Assert.AreEqual(20, node.Strip.Level);
            Assert.AreEqual("{\"state\":\"ON\",\"level\":20}", node.LastPayload("/actuator/strip/state"));
        }

        [TestMethod]
        public static void A_relay_rejects_a_level_and_stays_as_it_was()
        {
            NodeHarness node = WithStrip();
            int writes = node.Relay.Writes.Count;

            node.Send("/actuator/relay/set", "40%");

            Assert.AreEqual(writes, node.Relay.Writes.Count);
            Assert.Contains("\"type\":\"command_rejected\"", node.LastEvent());
            Assert.Contains("relay is a switch: it takes ON, OFF, TOGGLE or a pulse, not a level", node.LastEvent());
        }

        [TestMethod]
        public static void A_bad_level_is_rejected_and_the_dimmer_keeps_its_level()
        {
            NodeHarness node = WithStrip();
            node.Send("/actuator/strip/set", "30%");

            node.Send("/actuator/strip/set", "130%");

            Assert.AreEqual(30, node.Strip.Level);
            Assert.Contains("a level must be a whole number from 0 to 100", node.LastEvent());
        }

        [TestMethod]
        public static void Stopping_leaves_the_dimmer_at_its_safe_level_and_says_so()
        {
            NodeHarness node = WithStrip();
            node.Send("/actuator/strip/set", "30%");

            node.Node.Stop();

            Assert.AreEqual(0, node.Strip.Level);
            Assert.AreEqual("{\"state\":\"OFF\",\"level\":0}", node.LastPayload("/actuator/strip/state"));
        }

        [TestMethod]
        public static void A_boards_dimmer_drives_1_khz_pwm_with_its_level_as_the_duty_cycle()
        {
            FakePwm pwm = new FakePwm();
            IOutputWriter strip = OutputKind.Dimmer.Open(OutputSpec.Dimmer("strip", 32, false, 25, 0), new FakeOutputs(pwm));
            Assert.AreEqual(1000, pwm.FrequencyHz);
            Assert.AreEqual(0.25, pwm.DutyCycle);

            strip.Write(40);

            Assert.AreEqual(0.4, pwm.DutyCycle);
            PwmKind dimmer = (PwmKind)OutputKind.Dimmer;
            for (int level = 0; level <= 100; level++)
            {
                Assert.AreEqual(level, dimmer.ValueAt(dimmer.DutyCycle(level)));
            }
        }

        private static NodeHarness WithStrip()
        {
            NodeHarness node = new NodeHarness();
            node.Strip = new FakeDimmer();
            node.Start();
            node.Node.Poll();
            return node;
        }

        private static string SnapshotAfterACycle(NodeHarness node)
        {
            node.Advance(30000);
            return node.LastPayload("/state");
        }
    }
}
