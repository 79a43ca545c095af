using nanoFramework.TestFramework;
using SensorNode.Core;
using SensorNode.Core.Config;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Config
{
    [TestClass]
    public class ConfigTopicTests
    {
        [TestMethod]
        public static void Active_config_is_published_retained_with_secrets_masked()
        {
            NodeHarness node = new NodeHarness();
            node.Start();
            node.Node.Poll();
            node.Send("/config/set", "{\"broker_password\":\"s3cret\"}");
            node.Advance(10);

            PublishedMessage config = node.Link.Last(node.Base + "/config");
            Assert.IsTrue(config.Retain);
            Assert.Contains("\"broker_password\":\"***\"", config.Payload);
            Assert.DoesNotContains("s3cret", config.Payload);
        }

        [TestMethod]
        public static void Interval_change_applies_at_once_and_is_saved()
        {
            NodeHarness node = NodeHarness.Started();

            node.Send("/config/set", "{\"interval_s\":5}");

            Assert.AreEqual(5, node.Node.Config.PublishIntervalSeconds);
            Assert.Contains("config_applied", node.LastEvent());
            Assert.Contains("\"interval_s\":5", node.LastPayload("/config"));
            Assert.AreEqual(1, node.Link.ConnectCount, "an interval change needs no reconnect");
            Assert.AreEqual(5, Reboot(node).Node.Config.PublishIntervalSeconds);
        }

        [TestMethod]
        public static void Bad_config_is_rejected_with_an_event_and_nothing_changes()
        {
            NodeHarness node = NodeHarness.Started();

            node.Send("/config/set", "{\"interval_s\":-1,\"broker_host\":\"evil\"}");

            Assert.Contains("\"type\":\"config_rejected\"", node.LastEvent());
            Assert.Contains("nothing changed", node.LastEvent());
            Assert.AreEqual(30, node.Node.Config.PublishIntervalSeconds);
            Assert.AreEqual("localhost", node.Node.Config.BrokerHost);
            Assert.IsNull(node.Store.Load(ConfigStore.FileName), "the config was saved");
        }

        [TestMethod]
        public static void Oversized_config_is_rejected()
        {
            NodeHarness node = NodeHarness.Started();
            string padding = "";
            while (padding.Length <= ConfigController.MaxConfigBytes)
            {
                padding += "                                ";
            }

            node.Send("/config/set", "{\"interval_s\":5" + padding + "}");

            Assert.Contains("exceeds the 1024-byte limit", node.LastEvent());
            Assert.AreEqual(30, node.Node.Config.PublishIntervalSeconds);
        }

        [TestMethod]
        public static void Retained_config_is_ignored_by_default()
        {
            NodeHarness node = NodeHarness.Started();

            node.Send("/config/set", "{\"interval_s\":5}", true);

            Assert.AreEqual(30, node.Node.Config.PublishIntervalSeconds);
            Assert.Contains("command_ignored", node.LastEvent());
        }

        [TestMethod]
        public static void New_broker_settings_are_tried_and_kept_once_online()
        {
            NodeHarness node = NodeHarness.Started();

            node.Send("/config/set", "{\"broker_host\":\"broker.lan\",\"broker_port\":1884}");

            Assert.Contains("config_trial", node.LastEvent());
            Assert.AreEqual("offline", node.LastPayload("/status"), "the old session ends in order");
            node.Advance(10);
            Assert.AreEqual("broker.lan", node.Link.LastOptions.Host);
            Assert.AreEqual(1884, node.Link.LastOptions.Port);
            Assert.Contains("config_applied", node.LastEvent());
            Assert.AreEqual("broker.lan", Reboot(node).Node.Config.BrokerHost);
        }

        [TestMethod]
        public static void Settings_that_cannot_connect_are_reverted_and_never_saved()
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/config/set", "{\"broker_host\":\"nowhere.invalid\"}");
            node.Link.AcceptConnect = false;

            for (int elapsed = 0; elapsed < ConfigController.TrialMs; elapsed += 1000)
            {
                node.Advance(1000);
            }

            Assert.AreEqual("localhost", node.Node.Config.BrokerHost);
            Assert.IsNull(node.Store.Load(ConfigStore.FileName), "the config was saved");

            node.Link.AcceptConnect = true;
            node.Advance(MqttSessionMaxDelay());
            Assert.IsTrue(node.Node.IsOnline);
            Assert.AreEqual("localhost", node.Link.LastOptions.Host);
            // Not necessarily the last event: the readings taken offline during the trial are news after it too.
            Assert.AreEqual(1, node.Link.CountContaining(node.Base + "/event", "\"type\":\"config_reverted\""));
            Assert.AreEqual(1, node.Link.CountContaining(node.Base + "/event", "connection refused (fake)"));
            Assert.AreEqual("localhost", Reboot(node).Node.Config.BrokerHost);
        }

        [TestMethod]
        public static void A_new_wifi_network_is_joined_and_a_wrong_one_reverted()
        {
            NodeHarness node = NodeHarness.Started();
            node.Network.AcceptedSsid = "";

            node.Send("/config/set", "{\"wifi_ssid\":\"typo-net\",\"wifi_password\":\"secret-x\"}");
            node.Advance(ConfigController.TrialMs);
            node.Advance(MqttSessionMaxDelay());

            Assert.AreEqual("", node.Network.JoinedSsid);
            Assert.IsTrue(node.Node.IsOnline);
            Assert.Contains("no network named typo-net", node.LastEvent());
        }

        [TestMethod]
        public static void A_new_prefix_moves_every_topic_and_clears_the_old_status()
        {
            NodeHarness node = NodeHarness.Started();
            string oldBase = node.Base;

            node.Send("/config/set", "{\"topic_prefix\":\"home\",\"node_id\":\"attic\"}");
            node.Advance(10);

            Assert.AreEqual("home/attic", node.Base);
            Assert.AreEqual("offline", node.Link.Last(oldBase + "/status").Payload);
            Assert.AreEqual("online", node.LastPayload("/status"));
            Assert.AreEqual("home/attic/status", node.Link.LastOptions.WillTopic);
            Assert.IsTrue(node.Link.Subscriptions.Contains("home/attic/actuator/+/set"));
            Assert.IsNotNull(node.Link.Last("home/attic/sensor/bme280/temperature"));
        }

        [TestMethod]
        public static void A_trial_that_connects_but_is_not_reachable_reverts_at_once_and_says_why()
        {
            // The broker's ACL lets the node's user publish and subscribe under sensornode/# only: CONNECT to the
            // new prefix succeeds, everything published there is dropped.
            NodeHarness node = NodeHarness.Started();
            node.Link.DenyPublishUnder = "home/";
            node.Send("/config/set", "{\"topic_prefix\":\"home\"}");
            node.Advance(10);
            Assert.AreEqual("home/node1", node.Base, "on trial");
            Assert.IsFalse(node.Node.IsOnline, "connected is not reachable");

            node.Advance(Core.Connection.ConnectionSupervisor.ProbeTimeoutMs);
            node.Advance(10);

            Assert.AreEqual("sensornode/node1", node.Base, "reverted long before the trial's " + (ConfigController.TrialMs / 1000) + " s");
            Assert.IsTrue(node.Node.IsOnline);
            Assert.Contains("\"type\":\"config_reverted\"", node.LastEvent());
            Assert.Contains("not reachable", node.LastEvent());
            Assert.Contains("probe", node.LastEvent());
            Assert.IsNull(node.Store.Load(ConfigStore.FileName), "the unreachable settings were saved");
            Assert.AreEqual("sensornode", Reboot(node).Node.Config.TopicPrefix);
        }

        [TestMethod]
        public static void A_trial_whose_subscriptions_are_refused_reverts_at_once()
        {
            NodeHarness node = NodeHarness.Started();
            node.Link.DenySubscribeUnder = "home/";
            node.Send("/config/set", "{\"topic_prefix\":\"home\"}");
            node.Advance(10);
            node.Advance(10);

            Assert.AreEqual("sensornode/node1", node.Base);
            Assert.IsTrue(node.Node.IsOnline);
            Assert.Contains("subscribe to home/node1/config/set failed", node.LastEvent());
        }

        [TestMethod]
        public static void A_corrupt_stored_config_boots_with_defaults_and_says_so()
        {
            MemorySettingsStore flash = new MemorySettingsStore();
            flash.Save(ConfigStore.FileName, Core.Text.Utf8.GetBytes("{\"interval_s\":"));
            ConfigStore store = new ConfigStore(flash);

            NodeConfig loaded = store.LoadOrDefault(new NodeConfig("n1"));

            Assert.AreEqual(30, loaded.PublishIntervalSeconds);
            Assert.Contains("stored config ignored", store.LoadError);
        }

        [TestMethod]
        public static void A_failed_flash_write_is_reported_but_the_settings_still_apply()
        {
            NodeHarness node = NodeHarness.Started();
            node.Store.FailWrites = true;

            node.Send("/config/set", "{\"interval_s\":7}");

            Assert.AreEqual(7, node.Node.Config.PublishIntervalSeconds);
            Assert.AreEqual(1, node.Link.CountContaining(node.Base + "/event", "config_storage_error"));
        }

        private static int MqttSessionMaxDelay()
        {
            return Core.Connection.ReconnectBackoff.CapMs;
        }

        /// <summary>A new node on the same flash, as after a power cycle.</summary>
        private static NodeHarness Reboot(NodeHarness before)
        {
            NodeHarness after = new NodeHarness();
            byte[] stored = before.Store.Load(ConfigStore.FileName);
            if (stored != null)
            {
                after.Store.Save(ConfigStore.FileName, stored);
            }

            return after.Start();
        }

        [TestMethod]
        public static void Wifi_settings_the_esp32_cannot_use_are_rejected()
        {
            NodeHarness node = NodeHarness.Started();

            node.Send("/config/set", "{\"wifi_ssid\":\"a-network-name-longer-than-32-bytes\"}");
            Assert.Contains("\\\"wifi_ssid\\\" must be at most 32 bytes", node.LastEvent());

            node.Send("/config/set", "{\"wifi_ssid\":\"lan\",\"wifi_password\":\"short\"}");
            Assert.Contains("\\\"wifi_password\\\" must be empty (an open network) or 8 to 64 bytes", node.LastEvent());
            Assert.AreEqual("", node.Node.Config.WifiSsid, "nothing changed");
        }

        [TestMethod]
        public static void Settings_that_would_not_fit_as_json_are_refused_whole_not_stored_cut()
        {
            NodeHarness node = NodeHarness.Started();
            string longName = new string('h', 900);

            node.Send("/config/set", "{\"broker_user\":\"" + longName + "\"}");
            node.Advance(10); // a new user is a connection setting: tried, then kept once online
            Assert.Contains("config_applied", node.LastEvent());
            node.Send("/config/set", "{\"accept_retained_commands\":true,\"topic_prefix\":\"sensornode\",\"discovery_prefix\":\"" + longName + "\"}");

            Assert.Contains("\"type\":\"config_rejected\"", node.LastEvent());
            Assert.Contains("would take more than 2048 bytes as JSON", node.LastEvent());
            Assert.AreEqual("homeassistant", node.Node.Config.DiscoveryPrefix);
            Assert.EndsWith("}", node.LastPayload("/config"));
        }

        [TestMethod]
        public static void First_boot_settings_from_the_board_profile_pass_the_same_rules()
        {
            NodeConfig bad = new NodeConfig("a/b");
            string message = null;
            try
            {
                new Node(bad, new ConfigStore(new MemorySettingsStore()), new FakeMqttLink(), new FakeNetwork(), new FakeBoardHealth(), new FakeClock(), new ListLog());
            }
            catch (System.ArgumentException ex)
            {
                message = ex.Message;
            }

            Assert.AreEqual("settings: \"node_id\" must be one topic level without '/', '+' or '#'", message);
        }
    }
}
