using System;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>Two nodes flashed with one node id: the broker lets only one client id in at a time.</summary>
    public class DuplicateClientIdTests
    {
        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        [InlineData(Brokers.MqttNet)]
        public void Two_nodes_with_one_id_say_so_and_back_off_instead_of_fighting(string broker)
        {
            using NodeUnderTest node = NodeUnderTest.Online(broker);
            int before = node.Watcher.Count;

            // Each CONNECT with the same client id takes the connection from the other node.
            using SimulatorProcess twin = SimulatorProcess.Start(node.Broker, node.Simulator.NodeId);

            // Three drops in a row within 10 s of connecting; the windows grow 1, 2, 4 s: well inside 60 s.
            Received flapping = node.Watcher.WaitFor("connection_flapping", r => r.Topic == node.Base + "/event" && r.Payload.Contains("\"connection_flapping\""), TimeSpan.FromSeconds(60), before);
            Assert.Contains("sensornode-" + node.Simulator.NodeId, flapping.Payload);
            Assert.Contains("another client", flapping.Payload);
            Assert.True(node.Simulator.Printed("another client") || twin.Printed("another client"), node.Simulator.Console + "\n---\n" + twin.Console);
        }
    }
}
