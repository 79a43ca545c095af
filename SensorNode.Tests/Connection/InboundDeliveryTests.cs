using nanoFramework.TestFramework;
using SensorNode.Core.Config;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Connection
{
    /// <summary>What the broker delivers late or twice: commands queued in a persistent session, QoS 1 redeliveries.</summary>
    [TestClass]
    public class InboundDeliveryTests
    {
        [TestMethod]
        public static void Commands_queued_while_offline_do_not_run_at_reconnect()
        {
            NodeHarness node = PersistentSession(false);
            node.Link.Drop();
            node.Link.QueueForSession(node.Base + "/actuator/relay/set", "ON");
            node.Link.QueueForSession(node.Base + "/actuator/led/set", "TOGGLE");

            node.Advance(10);

            Assert.IsTrue(node.Node.IsOnline);
            Assert.IsFalse(node.Relay.IsOn);
            Assert.IsFalse(node.Led.IsOn);
            Assert.AreEqual(2, node.Link.CountContaining(node.Base + "/event", "queued by the broker while the node was offline"));
            Assert.Contains("accept_queued_commands", node.LastEvent());
        }

        [TestMethod]
        public static void Commands_queued_while_offline_run_when_the_user_opted_in()
        {
            NodeHarness node = PersistentSession(true);
            node.Link.Drop();
            node.Link.QueueForSession(node.Base + "/actuator/relay/set", "ON");

            node.Advance(10);

            Assert.IsTrue(node.Relay.IsOn);
        }

        [TestMethod]
        public static void Commands_after_the_probe_run_as_usual_with_a_persistent_session()
        {
            NodeHarness node = PersistentSession(false);
            node.Link.Drop();
            node.Advance(10);

            node.Send("/actuator/relay/set", "ON");

            Assert.IsTrue(node.Relay.IsOn);
        }

        [TestMethod]
        public static void A_redelivered_copy_of_a_command_already_carried_out_does_not_switch_again()
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/actuator/relay/set", "TOGGLE");
            Assert.IsTrue(node.Relay.IsOn);
            int writes = node.Relay.Writes.Count;

            node.Link.Redeliver(node.Base + "/actuator/relay/set", "TOGGLE");
            node.Node.Poll();

            Assert.IsTrue(node.Relay.IsOn, "toggled twice by one command");
            Assert.AreEqual(writes, node.Relay.Writes.Count, "the output was written again");
            Assert.Contains("redelivered (DUP)", node.LastEvent());
        }

        [TestMethod]
        public static void A_redelivery_of_a_command_never_carried_out_runs()
        {
            NodeHarness node = NodeHarness.Started();

            node.Link.Redeliver(node.Base + "/actuator/relay/set", "ON");
            node.Node.Poll();

            Assert.IsTrue(node.Relay.IsOn, "the first delivery was lost: this copy is the command");
        }

        private static NodeHarness PersistentSession(bool acceptQueued)
        {
            NodeHarness node = new NodeHarness();
            NodeConfig config = NodeHarness.EveryReading(new NodeConfig(NodeHarness.NodeId));
            config.CleanSession = false;
            config.AcceptQueuedCommands = acceptQueued;
            new ConfigStore(node.Store).Save(config);
            node.Start();
            node.Node.Poll();
            Assert.IsTrue(node.Node.IsOnline);
            return node;
        }
    }
}
