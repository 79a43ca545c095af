using System;
using System.Diagnostics;
using System.Threading;
using SensorNode.HostBoard.Brokers;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Fleet
{
    /// <summary>
    /// A fleet beyond one broker: nodes on mosquitto A, a dashboard on mosquitto B, B bridged to A for
    /// <c>sensornode/#</c> in both directions. What a dashboard relies on must cross the bridge: retained state and
    /// "online" (stored as retained on B too), and the Last-Will "offline" when the nodes die without a word.
    /// </summary>
    public class BridgedBrokersTests
    {
        private static readonly TimeSpan BridgeTimeout = TimeSpan.FromSeconds(15);

        [SkippableFact]
        public void Retained_state_online_and_the_last_will_of_every_node_cross_the_bridge()
        {
            using IBroker a = Brokers.Start(Brokers.Mosquitto);
            string bridgeId = "bridge-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            using MosquittoBroker b = Brokers.StartMosquitto(true, new[]
            {
                "connection to-a",
                "address " + a.Host + ":" + a.Port,
                "remote_clientid " + bridgeId,
                "topic sensornode/# both 1",
                "cleansession true",
                "restart_timeout 1 2", // mosquitto 2.0: back-off base and cap for the bridge's reconnects, short for a test
            });
            WaitForBridge((MosquittoBroker)a, bridgeId);

            string baseId = "br" + Guid.NewGuid().ToString("N").Substring(0, 8);
            string[] ids = { baseId + "-001", baseId + "-002", baseId + "-003" };
            using Observer onB = Observer.Watch(b, "sensornode/#");
            using SimulatorProcess fleet = SimulatorProcess.Start(a, baseId, "--nodes", "3");
            foreach (string id in ids)
            {
                onB.WaitFor("sensornode/" + id + "/status", "online", NodeUnderTest.StartTimeout);
                onB.WaitFor(id + "'s state", r => r.Topic == "sensornode/" + id + "/state", NodeUnderTest.Timeout);
            }

            // A dashboard that connects to B later gets them from B's own retained store: the retain flag crossed.
            using (Observer late = Observer.Watch(b, "sensornode/#"))
            {
                foreach (string id in ids)
                {
                    Assert.True(late.WaitFor("sensornode/" + id + "/status", "online", NodeUnderTest.Timeout).Retained);
                    Assert.True(late.WaitFor(id + "'s retained state", r => r.Topic == "sensornode/" + id + "/state" && r.Retained, NodeUnderTest.Timeout).Retained);
                }
            }

            int before = onB.Count;
            fleet.Kill(); // SIGKILL: no "offline" of their own, no DISCONNECT; only A's Last-Will can tell

            foreach (string id in ids)
            {
                // A publishes the Will as soon as the socket closes; the bound leaves room for a busy CI machine.
                onB.WaitFor("sensornode/" + id + "/status", "offline", NodeUnderTest.Timeout, before);
            }

            using Observer after = Observer.Watch(b, "sensornode/+/status");
            foreach (string id in ids)
            {
                Assert.True(after.WaitFor("sensornode/" + id + "/status", "offline", NodeUnderTest.Timeout).Retained);
            }
        }

        /// <summary>The bridge is B's client on A: A's log names it once B has connected.</summary>
        private static void WaitForBridge(MosquittoBroker a, string bridgeId)
        {
            Stopwatch waited = Stopwatch.StartNew();
            while (!a.Output().Contains(" as " + bridgeId + " ", StringComparison.Ordinal))
            {
                Assert.True(waited.Elapsed < BridgeTimeout, "the bridge did not connect to A within " + BridgeTimeout.TotalSeconds + " s:\n" + a.Output());
                Thread.Sleep(50);
            }
        }
    }
}
