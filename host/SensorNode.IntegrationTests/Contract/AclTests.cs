using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using SensorNode.HostBoard.Brokers;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>
    /// The broker setup docs/security.md tells users to run: mosquitto with <c>allow_anonymous false</c>, a password
    /// file made with mosquitto_passwd (one user per node, its node id as user name, and <c>operator</c>) and the ACL
    /// file docs/mosquitto/sensornode.acl, read as it is. The node works with it; nobody else can drive or read it.
    /// </summary>
    public class AclTests
    {
        private const string AclFile = "docs/mosquitto/sensornode.acl";
        private const string Operator = "operator";
        private const string OperatorPassword = "operator-pw";
        private const string NodePassword = "node-pw";
        private const string Foreign = "itforeign"; // a valid user: another node's
        private const string ForeignPassword = "foreign-pw";

        [Fact]
        public void The_acl_file_the_test_uses_is_the_one_docs_security_md_shows()
        {
            string acl = File.ReadAllText(Path.Combine(Built.RepoRoot, AclFile)).Replace("\r\n", "\n");
            string doc = File.ReadAllText(Path.Combine(Built.RepoRoot, "docs/security.md")).Replace("\r\n", "\n");
            Assert.Contains("```\n" + acl + "```\n", doc);
        }

        [SkippableFact]
        public void The_node_with_its_own_user_publishes_status_readings_and_discovery_and_obeys_the_operator()
        {
            using SecuredWorld world = SecuredWorld.Start();
            using Observer operatorView = Observer.Watch(world.Broker, "#", Operator, OperatorPassword);
            using SimulatorProcess node = world.StartNode();

            operatorView.WaitFor(node.Base + "/status", "online", NodeUnderTest.StartTimeout);
            operatorView.WaitFor("a reading", r => r.Topic.StartsWith(node.Base + "/sensor/bme280/"), NodeUnderTest.StartTimeout);
            Received discovery = operatorView.WaitFor("the discovery", r => r.Topic == "homeassistant/device/" + node.NodeId + "/config", NodeUnderTest.StartTimeout);
            Assert.Contains("\"identifiers\":[\"sensornode_" + node.NodeId + "\"]", discovery.Payload);
            // The announcement's other pieces pass the ACL's "homeassistant/device/%u/#" too.
            Received sensorPiece = operatorView.WaitFor("the BME280's piece", r => r.Topic == HomeAssistantView.PieceTopic(node.NodeId, "bme280"), NodeUnderTest.Timeout);
            Assert.Contains("\"bme280_temperature\":{\"platform\":\"sensor\"", sensorPiece.Payload);
            operatorView.WaitFor("the diagnostics", r => r.Topic == node.Base + "/diag", NodeUnderTest.Timeout);

            int before = operatorView.Count;
            operatorView.Publish(node.Base + "/actuator/relay/set", "ON");
            operatorView.WaitFor(node.Base + "/actuator/relay/state", "ON", NodeUnderTest.Timeout, before);
            node.WaitForLine("output relay is ON", NodeUnderTest.Timeout);

            before = operatorView.Count;
            operatorView.Publish(node.Base + "/config/set", "{\"diag_interval_s\":600}");
            operatorView.WaitFor("config_applied", r => r.Topic == node.Base + "/event" && r.Payload.Contains("\"config_applied\""), NodeUnderTest.Timeout, before);
        }

        [SkippableFact]
        public void Another_user_and_an_anonymous_client_can_neither_command_the_node_nor_read_or_overwrite_its_topics()
        {
            using SecuredWorld world = SecuredWorld.Start();
            using Observer operatorView = Observer.Watch(world.Broker, "#", Operator, OperatorPassword);
            using Observer foreign = Observer.Watch(world.Broker, "#", Foreign, ForeignPassword);
            using SimulatorProcess node = world.StartNode();
            operatorView.WaitFor(node.Base + "/status", "online", NodeUnderTest.StartTimeout);
            operatorView.WaitFor("the discovery", r => r.Topic == "homeassistant/device/" + node.NodeId + "/config", NodeUnderTest.StartTimeout);

            // Anonymous: mosquitto refuses the connection itself (CONNACK "not authorised").
            Exception refused = Assert.ThrowsAny<Exception>(() => Observer.Connect(world.Broker).Dispose());
            Assert.Contains("NotAuthorized", refused.Message);

            // Another node's user: logged in, but each publish is acknowledged (QoS 1) and dropped by the broker.
            foreign.Publish(node.Base + "/actuator/relay/set", "ON");
            foreign.Publish(node.Base + "/config/set", "{\"broker_host\":\"attacker.example\"}");
            foreign.Publish(node.Base + "/status", "offline", retain: true);
            foreign.Publish("homeassistant/device/" + node.NodeId + "/config", "", retain: true);

            // The operator's command is published after the broker acknowledged all of the foreign ones, so once the
            // node has obeyed it, it would have received them before.
            int before = operatorView.Count;
            operatorView.Publish(node.Base + "/actuator/led/set", "ON");
            operatorView.WaitFor(node.Base + "/actuator/led/state", "ON", NodeUnderTest.Timeout, before);
            node.WaitForLine("output led is ON", NodeUnderTest.Timeout);

            Assert.False(node.Printed("← " + node.Base + "/actuator/relay/set"), node.Console);
            Assert.False(node.Printed("← " + node.Base + "/config/set"), node.Console);
            Assert.False(node.Printed("output relay is ON"), node.Console);
            Assert.DoesNotContain(operatorView.All, r => r.Topic == node.Base + "/actuator/relay/state" && r.Payload == "ON");
            Assert.DoesNotContain(operatorView.All, r => r.Topic == node.Base + "/event" && r.Payload.Contains("config_"));

            using Observer late = Observer.Watch(world.Broker, node.Base + "/status", Operator, OperatorPassword);
            Assert.Equal("online", late.WaitFor("the retained status", r => true, NodeUnderTest.Timeout).Payload);
            using Observer lateDiscovery = Observer.Watch(world.Broker, "homeassistant/device/" + node.NodeId + "/config", Operator, OperatorPassword);
            Assert.NotEqual("", lateDiscovery.WaitFor("the retained discovery", r => true, NodeUnderTest.Timeout).Payload);

            // Nothing of the node's reached the other user: not its readings, its discovery, nor the commands.
            Assert.DoesNotContain(foreign.All, r => r.Topic.StartsWith(node.Base + "/") || r.Topic.Contains(node.NodeId));
            Assert.True(operatorView.All.Count(r => r.Topic.StartsWith(node.Base + "/sensor/")) > 0, "the node published no reading the operator saw");
        }

        [SkippableFact]
        public void A_new_password_sent_on_config_set_is_applied_once_the_broker_knows_it_within_the_trial()
        {
            using SecuredWorld world = SecuredWorld.Start();
            using Observer operatorView = Observer.Watch(world.Broker, "sensornode/#", Operator, OperatorPassword);
            using SimulatorProcess node = world.StartNode();
            operatorView.WaitFor(node.Base + "/status", "online", NodeUnderTest.StartTimeout);

            // 1. The node gets the new password first: it tries it, and the broker (still on the old one) refuses it.
            int before = operatorView.Count;
            operatorView.Publish(node.Base + "/config/set", "{\"broker_password\":\"rotated-pw\"}");
            operatorView.WaitFor("config_trial", r => r.Topic == node.Base + "/event" && r.Payload.Contains("\"config_trial\""), NodeUnderTest.Timeout, before);
            node.WaitForLine("connect failed", NodeUnderTest.Timeout);

            // 2. Then the broker: mosquitto_passwd and a reload, within the trial. The node's next attempt gets in.
            world.SetPassword(node.NodeId, "rotated-pw");
            world.Broker.Reload();
            operatorView.WaitFor("config_applied", r => r.Topic == node.Base + "/event" && r.Payload.Contains("\"config_applied\""), TimeSpan.FromSeconds(30), before);
            operatorView.WaitFor(node.Base + "/status", "online", NodeUnderTest.Timeout, before);
            // The config goes out after config_applied (ConfigController.OnConnected): waited for, not assumed there.
            operatorView.WaitFor("the config with the password masked", r => r.Topic == node.Base + "/config" && r.Payload.Contains("\"broker_password\":\"***\""), NodeUnderTest.Timeout, before);
            Assert.DoesNotContain(operatorView.All, r => r.Topic != node.Base + "/config/set" && r.Payload.Contains("rotated-pw")); // nothing the node published
        }

        /// <summary>A mosquitto with the documented password file and ACL file, in a directory of its own.</summary>
        private sealed class SecuredWorld : IDisposable
        {
            private readonly string _nodeId = "it" + Guid.NewGuid().ToString("N").Substring(0, 8);
            private readonly SecuredMosquitto _mosquitto;

            private SecuredWorld()
            {
                Dictionary<string, string> users = new Dictionary<string, string>
                {
                    [_nodeId] = NodePassword,
                    [Operator] = OperatorPassword,
                    [Foreign] = ForeignPassword,
                };
                _mosquitto = SecuredMosquitto.Start(users, File.ReadAllText(Path.Combine(Built.RepoRoot, AclFile)));
            }

            public MosquittoBroker Broker => _mosquitto.Broker;

            /// <summary>mosquitto_passwd -b: sets a user's password in the file (takes effect at the broker's next reload).</summary>
            public void SetPassword(string user, string password)
            {
                _mosquitto.SetPassword(user, password);
            }

            public static SecuredWorld Start()
            {
                return new SecuredWorld();
            }

            /// <summary>The simulator logged in with its node id as user name, as docs/security.md sets nodes up.</summary>
            public SimulatorProcess StartNode()
            {
                return SimulatorProcess.Start(Broker, _nodeId, "--user", _nodeId, "--password", NodePassword);
            }

            public void Dispose()
            {
                _mosquitto.Dispose();
            }
        }
    }
}
