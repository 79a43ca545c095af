using System;
using System.Linq;
using System.Text.RegularExpressions;
using SensorNode.HostBoard.Brokers;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Fleet
{
    /// <summary>The simulator's fleet mode (<c>--nodes N</c>): N nodes in one process, each its own MQTT client.</summary>
    public class FleetTests
    {
        [SkippableFact]
        public void Three_nodes_come_online_with_distinct_ids_and_all_stop_in_order_on_SIGTERM()
        {
            using MosquittoBroker broker = (MosquittoBroker)Brokers.Start(Brokers.Mosquitto);
            string baseId = "fl" + Guid.NewGuid().ToString("N").Substring(0, 8);
            string[] ids = { baseId + "-001", baseId + "-002", baseId + "-003" };
            using Observer watcher = Observer.Watch(broker, "sensornode/#");
            using SimulatorProcess fleet = SimulatorProcess.Start(broker, baseId, "--nodes", "3");

            foreach (string id in ids)
            {
                watcher.WaitFor("sensornode/" + id + "/status", "online", NodeUnderTest.StartTimeout);
            }

            fleet.WaitForLine("all 3 nodes online", NodeUnderTest.Timeout);
            // No node runs under the base id itself or any other: exactly the three derived ids publish.
            string[] publishing = watcher.All.Select(r => r.Topic.Split('/')[1]).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray();
            Assert.Equal(ids, publishing);
            // Each node is its own client of the broker (its own connection and client id), by the broker's own log.
            string[] clients = Regex.Matches(broker.Output(), @"New client connected from \S+ as (sensornode-\S+) ").Select(m => m.Groups[1].Value).Distinct().OrderBy(c => c, StringComparer.Ordinal).ToArray();
            Assert.Equal(ids.Select(id => "sensornode-" + id).ToArray(), clients);
            int before = watcher.Count;

            Assert.Equal(0, fleet.Terminate(NodeUnderTest.Timeout));

            foreach (string id in ids)
            {
                watcher.WaitFor("sensornode/" + id + "/status", "offline", NodeUnderTest.Timeout, before);
                // An orderly stop: the node's own DISCONNECT after its "offline", not a Last-Will for a dropped socket.
                Assert.Contains("Client sensornode-" + id + " disconnected.", broker.Output());
            }

            Assert.True(fleet.Printed("stopped all 3 nodes in order"), fleet.Console);
        }
    }
}
