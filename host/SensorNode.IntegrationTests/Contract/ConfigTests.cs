using System;
using System.IO;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>Settings over the config topic: applied at once, kept in the node's "flash" across a restart.</summary>
    public class ConfigTests
    {
        [SkippableTheory]
        [InlineData(Brokers.Mosquitto)]
        [InlineData(Brokers.MqttNet)]
        public void A_config_applied_over_mqtt_survives_a_restart_and_a_bad_one_changes_nothing(string broker)
        {
            DirectoryInfo flash = Directory.CreateTempSubdirectory("sensornode-flash-");
            try
            {
                using NodeUnderTest node = NodeUnderTest.Online(broker, "--state", flash.FullName);
                int before = node.Watcher.Count;
                node.Watcher.Publish(node.Base + "/config/set", "{\"interval_s\":2}");
                node.Watcher.WaitFor("config_applied", r => r.Topic == node.Base + "/event" && r.Payload.Contains("\"config_applied\""), NodeUnderTest.Timeout, before);
                node.Watcher.WaitFor("the new config", r => r.Topic == node.Base + "/config" && r.Payload.Contains("\"interval_s\":2,"), NodeUnderTest.Timeout, before);

                int beforeBad = node.Watcher.Count;
                node.Watcher.Publish(node.Base + "/config/set", "{\"interval_s\":0,\"broker_host\":\"nowhere.invalid\"}");
                node.Watcher.WaitFor("config_rejected", r => r.Topic == node.Base + "/event" && r.Payload.Contains("\"config_rejected\""), NodeUnderTest.Timeout, beforeBad);
                node.Simulator.StopForRestart(NodeUnderTest.Timeout);

                // Started again with --interval 1 on its command line: the stored config wins, as flash does on the device.
                int beforeRestart = node.Watcher.Count;
                using SimulatorProcess again = SimulatorProcess.Start(node.Broker, node.Simulator.NodeId, "--state", flash.FullName);
                Received config = node.Watcher.WaitFor("the config after restart", r => r.Topic == node.Base + "/config", NodeUnderTest.StartTimeout, beforeRestart);
                Assert.Contains("\"interval_s\":2,", config.Payload);
                Assert.Contains("\"broker_host\":\"" + node.Broker.Host + "\"", config.Payload);
                node.Watcher.WaitFor(node.Base + "/status", "online", NodeUnderTest.Timeout, beforeRestart);
            }
            finally
            {
                flash.Delete(true);
            }
        }
    }
}
