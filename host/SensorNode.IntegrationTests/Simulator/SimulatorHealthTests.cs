using System.Text.Json;
using SensorNode.HostBoard.Brokers;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Simulator
{
    /// <summary>
    /// The simulator reports no free heap: what a PC's garbage collector may still use (about 25 GB here) says nothing
    /// of a node's heap, so the diagnostics carry null and Home Assistant gets no free-heap entity.
    /// </summary>
    public class SimulatorHealthTests
    {
        [SkippableFact]
        public void The_simulator_reports_no_free_heap_and_announces_no_free_heap_entity()
        {
            Brokers.RequireMosquitto();
            using MosquittoBroker broker = MosquittoBroker.Start();
            using Observer watcher = Observer.Watch(broker, "#");
            string nodeId = "itheap" + System.Guid.NewGuid().ToString("N").Substring(0, 6);
            using SimulatorProcess node = SimulatorProcess.Start(broker, nodeId);

            Received diag = watcher.WaitFor("the diagnostics", r => r.Topic == node.Base + "/diag", NodeUnderTest.StartTimeout);
            using JsonDocument document = JsonDocument.Parse(diag.Payload);
            Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("free_heap").ValueKind);

            Received discovery = watcher.WaitFor("the discovery", r => r.Topic == "homeassistant/device/" + nodeId + "/config", NodeUnderTest.StartTimeout);
            Assert.DoesNotContain("diag_free_heap", discovery.Payload);
            Assert.Contains("diag_last_boot", discovery.Payload);
        }
    }
}
