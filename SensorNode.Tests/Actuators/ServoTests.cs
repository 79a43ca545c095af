using System;
using nanoFramework.TestFramework;
using SensorNode.Core.Actuators;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Actuators
{
    /// <summary>The servo kind: its grammar (an angle), its state (the angle), its failsafes, its Home Assistant number.</summary>
    [TestClass]
    public class ServoTests
    {
        [TestMethod]
        public static void It_boots_at_its_boot_angle_and_an_angle_moves_it_reported_retained()
        {
            NodeHarness node = WithArm();
            Assert.AreEqual(90, node.Arm.Value);

            node.Send("/actuator/arm/set", " 45 ");

            Assert.AreEqual(45, node.Arm.Value);
            Assert.AreEqual("45", node.LastPayload("/actuator/arm/state"));
            Assert.IsTrue(node.Link.Last(node.Base + "/actuator/arm/state").Retain);
            Assert.IsTrue(node.Log.Contains("arm -> 45°"));
            node.Advance(30000);
            Assert.Contains("\"arm\":45", node.LastPayload("/state"));
        }

        [TestMethod]
        public static void It_drives_50_hz_pwm_with_a_pulse_of_0_5_ms_at_0_to_2_5_ms_at_180()
        {
            NodeHarness node = WithArm();
            Assert.AreEqual(50, node.Arm.FrequencyHz);
            Assert.AreEqual(0.075, node.Arm.DutyCycle); // 1.5 ms of 20 ms at its boot angle, 90°

            node.Send("/actuator/arm/set", "0");
            Assert.AreEqual(0.025, node.Arm.DutyCycle);
            node.Send("/actuator/arm/set", "180");
            Assert.AreEqual(0.125, node.Arm.DutyCycle);

            PwmKind servo = (PwmKind)OutputKind.Servo;
            for (int angle = 0; angle <= ServoKind.MaxAngle; angle++)
            {
                Assert.AreEqual(angle, servo.ValueAt(servo.DutyCycle(angle)));
            }

            Assert.AreEqual(-1, servo.ValueAt(0), "no pulse is no angle");
        }

        [TestMethod]
        public static void A_json_angle_with_for_ms_holds_it_then_returns()
        {
            NodeHarness node = WithArm();
            node.Send("/actuator/arm/set", "{\"angle\":0}");
            Assert.AreEqual(0, node.Arm.Value);

            node.Send("/actuator/arm/set", "{\"angle\":180,\"for_ms\":800}");
            Assert.AreEqual(180, node.Arm.Value);
            node.Advance(799);
            Assert.AreEqual(180, node.Arm.Value);
            node.Advance(1);

            Assert.AreEqual(0, node.Arm.Value);
            Assert.AreEqual("0", node.LastPayload("/actuator/arm/state"));
        }

        [DataRow("ON")]
        [DataRow("TOGGLE")]
        [DataRow("40%")]
        [DataRow("181")]
        [DataRow("45.5")]
        [DataRow("-5")]
        [DataRow("090")]
        [TestMethod]
        public static void What_is_not_an_angle_is_rejected_naming_the_grammar_and_the_servo_stays(string payload)
        {
            NodeHarness node = WithArm();
            node.Send("/actuator/arm/set", "30");
            int writes = node.Arm.Writes.Count;

            node.Send("/actuator/arm/set", payload);

            Assert.AreEqual(writes, node.Arm.Writes.Count);
            Assert.AreEqual(30, node.Arm.Value);
            Assert.Contains("\"type\":\"command_rejected\"", node.LastEvent());
            Assert.Contains("arm is a servo: it takes an angle from 0 to 180 (e.g. 90)", node.LastEvent());
        }

        [DataRow("{\"angle\":200}", "\\\"angle\\\" must be a whole number from 0 to 180")]
        [DataRow("{\"level\":40}", "unknown key \\\"level\\\" (arm is a servo")]
        [DataRow("{\"for_ms\":500}", "missing \\\"angle\\\"")]
        [DataRow("{\"angle\":90,\"for_ms\":0}", "\\\"for_ms\\\" must be a whole number from 1 to")]
        [TestMethod]
        public static void A_bad_json_command_is_rejected_with_its_reason(string payload, string reason)
        {
            NodeHarness node = WithArm();

            node.Send("/actuator/arm/set", payload);

            Assert.AreEqual(90, node.Arm.Value);
            Assert.Contains(reason, node.LastEvent());
        }

        [TestMethod]
        public static void Stopping_and_a_long_outage_leave_it_at_its_safe_angle()
        {
            NodeHarness node = new NodeHarness();
            node.Arm = new FakePwm();
            node.ArmSpec = OutputSpec.Servo("arm", 0, 10, 120).WithFailsafe(0, 60);
            node.Start();
            node.Node.Poll();
            Assert.AreEqual(10, node.Arm.Value);

            node.Clock.Now = 1000;
            node.Link.AcceptConnect = false;
            node.Link.Drop();
            node.Node.Poll(); // the loss is seen at 1000
            node.Advance(59999);
            Assert.AreEqual(10, node.Arm.Value);
            node.Advance(1);
            Assert.AreEqual(120, node.Arm.Value);
            Assert.IsTrue(node.Log.Contains("arm -> safe state 120° (broker unreachable for 60 s)"));

            node.Link.AcceptConnect = true;
            for (int i = 0; i < 120 && !node.Node.IsOnline; i++)
            {
                node.Advance(1000);
            }

            node.Send("/actuator/arm/set", "20");
            Assert.AreEqual(20, node.Arm.Value);
            node.Node.Stop();
            Assert.AreEqual(120, node.Arm.Value);
            Assert.AreEqual("120", node.LastPayload("/actuator/arm/state"));
        }

        [TestMethod]
        public static void A_maximum_on_time_or_an_angle_out_of_range_is_refused_at_start()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => OutputSpec.Servo("arm", 0, 90, 90).WithFailsafe(60, 0));
            Assert.ThrowsException(typeof(ArgumentException), () => OutputSpec.Servo("arm", 0, 200, 90));
            Assert.ThrowsException(typeof(ArgumentException), () => OutputSpec.Servo("arm", 0, 90, -1));
        }

        [TestMethod]
        public static void Home_assistant_sees_a_number_from_0_to_180_degrees()
        {
            NodeHarness node = WithArm();

            string discovery = node.HomeAssistantAnnouncement();

            Assert.Contains("\"arm\":{\"platform\":\"number\",\"qos\":1,\"name\":\"arm\",\"unique_id\":\"sensornode_node1_arm\",\"command_topic\":\"sensornode/node1/actuator/arm/set\",\"state_topic\":\"sensornode/node1/actuator/arm/state\",", discovery);
            Assert.Contains("\"min\":0,\"max\":180,\"step\":1,\"mode\":\"slider\",\"unit_of_measurement\":\"°\",\"command_template\":\"{{ value | int }}\"}", discovery);
        }

        [TestMethod]
        public static void Kinds_are_found_by_name()
        {
            Assert.AreSame(OutputKind.Servo, OutputKind.Named("servo"));
            Assert.AreSame(OutputKind.Dimmer, OutputKind.Named("dimmer"));
            Assert.AreSame(OutputKind.Switch, OutputKind.Named("switch"));
            Assert.IsNull(OutputKind.Named("motor"));
        }

        private static NodeHarness WithArm()
        {
            NodeHarness node = new NodeHarness();
            node.Arm = new FakePwm();
            node.Start();
            node.Node.Poll();
            return node;
        }
    }
}
