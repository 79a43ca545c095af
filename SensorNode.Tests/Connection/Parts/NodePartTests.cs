using nanoFramework.TestFramework;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Parts
{
    [TestClass]
    public class NodePartTests
    {
        [TestMethod]
        public static void An_added_part_is_subscribed_after_every_connect_and_gets_its_messages()
        {
            NodeHarness node = new NodeHarness();
            FakePart part = new FakePart();
            node.Parts.Add(part);
            node.Start();
            node.Node.Poll();

            Assert.IsTrue(node.Link.Subscriptions.Contains("sensornode/node1/fake/+/set"));
            Assert.AreEqual("connected", (string)part.Calls[1]);

            node.Send("/fake/a/set", "hello");
            Assert.AreEqual(1, part.Messages.Count);
            Assert.AreEqual("sensornode/node1/fake/a/set hello", (string)part.Messages[0]);
            Assert.IsNull(node.LastEvent(), "a routed message is no error");

            node.Link.Subscriptions.Clear();
            node.Link.Drop();
            node.Advance(10);
            Assert.IsTrue(node.Link.Subscriptions.Contains("sensornode/node1/fake/+/set"), "subscribed again after the reconnect");
        }

        [TestMethod]
        public static void A_sensor_or_output_added_after_a_part_is_refused_since_parts_take_them_when_made()
        {
            NodeHarness node = new NodeHarness().Build();

            Assert.ThrowsException(typeof(System.InvalidOperationException), () => node.Node.AddSensor(node.Node.Telemetry.Sensors[0]));
            Assert.ThrowsException(typeof(System.InvalidOperationException), () => node.Node.AddActuator("late", new FakeOutput(), false));
            node.Node.Start();
            node.Node.Poll();
            Assert.IsTrue(node.Node.IsOnline);
        }

        [TestMethod]
        public static void The_node_makes_no_part_but_its_settings_and_runs_the_added_ones_in_their_order()
        {
            NodeHarness node = new NodeHarness().Build();
            node.Node.Start();
            node.Node.Poll();

            Assert.IsNotNull(node.Node.Telemetry, "the telemetry the harness added, as Program.cs does");
            Assert.IsNotNull(node.Node.Diagnostics);
            Assert.AreEqual("outputs", node.Node.Entities[0].Group, "the actuators were added first: their entities come first");
            node.Send("/actuator/relay/set", "ON");
            Assert.IsTrue(node.Relay.IsOn);
        }

        [TestMethod]
        public static void The_retained_rule_and_the_size_limit_are_applied_before_a_part_sees_a_message()
        {
            NodeHarness node = new NodeHarness();
            FakePart part = new FakePart();
            node.Parts.Add(part);
            node.Start();
            node.Node.Poll();

            node.Send("/fake/a/set", "left on the broker", true);
            Assert.Contains("\"type\":\"command_ignored\"", node.LastEvent());
            Assert.Contains("retained fake command ignored", node.LastEvent());

            node.Send("/fake/a/set", "seventeen bytes!!");
            Assert.Contains("\"type\":\"fake_rejected\"", node.LastEvent());
            Assert.Contains("payload of 17 bytes exceeds the 16-byte limit", node.LastEvent());

            Assert.AreEqual(0, part.Messages.Count);
        }

        [TestMethod]
        public static void A_message_that_finds_the_heap_full_is_reported_and_the_loop_goes_on()
        {
            NodeHarness node = new NodeHarness();
            FakePart part = new FakePart();
            node.Parts.Add(part);
            node.Start();
            node.Node.Poll();

            part.OutOfMemory = true;
            node.Send("/fake/a/set", "first");
            Assert.Contains("\"type\":\"fake_rejected\"", node.LastEvent());
            Assert.Contains("no memory left to handle this 5-byte fake command; send it again", node.LastEvent());

            node.Send("/fake/a/set", "again");
            Assert.AreEqual("sensornode/node1/fake/a/set again", (string)part.Messages[0]);
            node.Send("/actuator/relay/set", "ON");
            Assert.IsTrue(node.Relay.IsOn, "the node carries on");
        }

        [TestMethod]
        public static void Work_that_finds_the_heap_full_is_logged_and_the_loop_and_the_other_parts_go_on()
        {
            NodeHarness node = new NodeHarness();
            FakePart part = new FakePart();
            node.Parts.Add(part);
            node.Start();
            node.Node.Poll();

            part.OutOfMemoryInPoll = true;
            node.Node.Poll(); // before: the exception left Poll, and on the device Program's main loop with it

            Assert.IsTrue(node.Log.Contains("no memory left for a part's work this turn; it is tried again at the next"));
            part.WorkDueAtMs = node.Clock.Now;
            node.Node.Poll();
            Assert.Contains("work@", (string)part.Calls[part.Calls.Count - 1]);
            node.Send("/actuator/relay/set", "ON");
            Assert.IsTrue(node.Relay.IsOn);
        }

        [TestMethod]
        public static void A_new_topic_prefix_reaches_every_part_and_its_subscriptions()
        {
            NodeHarness node = new NodeHarness();
            FakePart part = new FakePart();
            node.Parts.Add(part);
            node.Start();
            node.Node.Poll();

            node.Send("/config/set", "{\"topic_prefix\":\"home\"}");
            node.Advance(10);

            Assert.AreEqual("topics:home/node1", (string)part.Calls[part.Calls.Count - 2]);
            Assert.AreEqual("connected", (string)part.Calls[part.Calls.Count - 1]);
            Assert.IsTrue(node.Link.Subscriptions.Contains("home/node1/fake/+/set"));
            node.Send("/fake/b/set", "x");
            Assert.AreEqual("home/node1/fake/b/set x", (string)part.Messages[0]);
        }

        [TestMethod]
        public static void The_loop_sleeps_no_longer_than_any_part_needs()
        {
            NodeHarness node = new NodeHarness();
            FakePart part = new FakePart();
            node.Parts.Add(part);
            node.Start();
            node.Node.Poll();

            part.WorkDueAtMs = node.Clock.Now + 250;
            Assert.AreEqual(250, node.Node.Poll());
            node.Advance(250);
            Assert.AreEqual("work@250", (string)part.Calls[part.Calls.Count - 1]);
        }

        [TestMethod]
        public static void A_message_no_part_takes_is_rejected_and_stopping_reaches_every_part()
        {
            NodeHarness node = new NodeHarness();
            FakePart part = new FakePart();
            node.Parts.Add(part);
            node.Start();
            node.Node.Poll();

            node.Send("/nobody/listens", "x");
            Assert.Contains("no handler for this topic", node.LastEvent());

            node.Node.Stop();
            Assert.AreEqual("stop", (string)part.Calls[part.Calls.Count - 1]);
        }
    }
}
