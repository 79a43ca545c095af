using nanoFramework.TestFramework;
using SensorNode.Core.Discovery;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Sensors;
using SensorNode.Core.Sensors.Sensirion;
using SensorNode.Core.Text;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Discovery
{
    /// <summary>
    /// Home Assistant's MQTT device discovery as its documentation defines it: one retained config per device on
    /// "{prefix}/device/{id}/config" with "device", "origin" and "components" (each with its "platform"), shared
    /// availability, and the per-platform keys (sensor: device_class, unit_of_measurement, state_class,
    /// state_topic; switch and light: command_topic, state_topic, payload_on/off; light brightness_*).
    /// </summary>
    [TestClass]
    public class HomeAssistantDiscoveryTests
    {
        private const string Topic = "homeassistant/device/node1/config";

        [TestMethod]
        public static void After_connect_the_device_is_announced_retained_with_its_block_and_origin()
        {
            NodeHarness node = NodeHarness.Started();

            PublishedMessage discovery = node.Link.Last(Topic);
            Assert.IsNotNull(discovery, "no discovery");
            Assert.IsTrue(discovery.Retain);
            Assert.IsTrue(discovery.Qos == MqttQos.AtLeastOnce);
            Assert.StartsWith("{\"device\":{\"identifiers\":[\"sensornode_node1\"],\"name\":\"SensorNode node1\",\"manufacturer\":\"SensorNode\",\"model\":\"SensorNode ESP32 node\",\"sw_version\":\"", discovery.Payload);
            Assert.Contains(",\"origin\":{\"name\":\"SensorNode\",\"sw_version\":\"", discovery.Payload);
            Assert.Contains("},\"components\":{", discovery.Payload);
        }

        [TestMethod]
        public static void Every_component_names_its_qos_as_older_home_assistants_read_no_device_level_qos()
        {
            NodeHarness node = NodeHarness.Started();
            string payload = node.HomeAssistantAnnouncement();

            int components = Occurrences(payload, "{\"platform\":");
            Assert.IsTrue(components > 5, "components: " + components);
            Assert.AreEqual(components, Occurrences(payload, "\",\"qos\":1,\"name\":"));
            Assert.AreEqual(-1, payload.IndexOf("},\"qos\""), "a device-level qos");
        }

        private static int Occurrences(string text, string part)
        {
            int count = 0;
            for (int at = text.IndexOf(part); at >= 0; at = text.IndexOf(part, at + part.Length))
            {
                count++;
            }

            return count;
        }

        [TestMethod]
        public static void Each_quantity_is_a_sensor_with_its_class_unit_and_retained_topic()
        {
            NodeHarness node = NodeHarness.Started();
            string payload = node.HomeAssistantAnnouncement();

            Assert.Contains("\"bme280_temperature\":{\"platform\":\"sensor\",\"qos\":1,\"name\":\"bme280 temperature\",\"unique_id\":\"sensornode_node1_bme280_temperature\",\"state_topic\":\"sensornode/node1/sensor/bme280/temperature\",\"availability\":[{\"topic\":\"sensornode/node1/status\"},{\"topic\":\"sensornode/node1/status/bme280\"}],\"availability_mode\":\"all\",\"device_class\":\"temperature\",\"unit_of_measurement\":\"°C\",\"state_class\":\"measurement\",\"suggested_display_precision\":2}", payload);
            Assert.Contains("\"bme280_humidity\":{\"platform\":\"sensor\",\"qos\":1,\"name\":\"bme280 humidity\",\"unique_id\":\"sensornode_node1_bme280_humidity\",\"state_topic\":\"sensornode/node1/sensor/bme280/humidity\",\"availability\":[{\"topic\":\"sensornode/node1/status\"},{\"topic\":\"sensornode/node1/status/bme280\"}],\"availability_mode\":\"all\",\"device_class\":\"humidity\",\"unit_of_measurement\":\"%\",", payload);
            Assert.Contains("\"device_class\":\"atmospheric_pressure\",\"unit_of_measurement\":\"hPa\"", payload);
        }

        [TestMethod]
        public static void A_relay_is_a_switch_and_a_dimmer_a_light_with_brightness_on_its_own_topics()
        {
            NodeHarness node = new NodeHarness();
            node.Strip = new FakeDimmer();
            node.Start();
            node.Node.Poll();
            string payload = node.HomeAssistantAnnouncement();

            Assert.Contains("\"relay\":{\"platform\":\"switch\",\"qos\":1,\"name\":\"relay\",\"unique_id\":\"sensornode_node1_relay\",\"command_topic\":\"sensornode/node1/actuator/relay/set\",\"state_topic\":\"sensornode/node1/actuator/relay/state\",\"availability_topic\":\"sensornode/node1/status\",\"payload_available\":\"online\",\"payload_not_available\":\"offline\",\"payload_on\":\"ON\",\"payload_off\":\"OFF\"}", payload);
            Assert.Contains("\"strip\":{\"platform\":\"light\",\"qos\":1,\"name\":\"strip\",\"unique_id\":\"sensornode_node1_strip\",\"command_topic\":\"sensornode/node1/actuator/strip/set\",\"state_topic\":\"sensornode/node1/actuator/strip/state\",\"availability_topic\":\"sensornode/node1/status\",\"payload_available\":\"online\",\"payload_not_available\":\"offline\",\"payload_on\":\"ON\",\"payload_off\":\"OFF\",\"state_value_template\":\"{{ value_json.state }}\",\"brightness_command_topic\":\"sensornode/node1/actuator/strip/set\",\"brightness_command_template\":\"{{ value }}%\",\"brightness_state_topic\":\"sensornode/node1/actuator/strip/state\",\"brightness_value_template\":\"{{ value_json.level }}\",\"brightness_scale\":100}", payload);
            Assert.EndsWith("}}", payload);
        }

        [TestMethod]
        public static void An_announcement_that_did_not_go_out_is_tried_again_later_and_later_until_it_does()
        {
            NodeHarness node = new NodeHarness();
            node.Link.FailPublishUnder = "homeassistant/";
            node.Start();
            node.Node.Poll();
            Assert.AreEqual(1, Failed(node), "tried at the connect");
            Assert.AreEqual(1, node.Link.CountContaining(node.Base + "/event", "the announcement was not published: out of memory for a"));

            node.Advance(HomeAssistantDiscovery.FirstRetryDelayMs - 1);
            Assert.AreEqual(1, Failed(node), "not again before the first delay");
            node.Advance(1);
            Assert.AreEqual(2, Failed(node), "again after it");
            node.Advance(2 * HomeAssistantDiscovery.FirstRetryDelayMs - 1);
            Assert.AreEqual(2, Failed(node), "then after twice as long");

            node.Link.FailPublishUnder = null; // the heap has room again
            node.Advance(1);
            Assert.AreEqual(1, node.Link.CountOn(Topic), "published at the next try");
            node.Advance(HomeAssistantDiscovery.MaxRetryDelayMs);
            Assert.AreEqual(1, node.Link.CountOn(Topic), "and not again");
        }

        private static int Failed(NodeHarness node)
        {
            int count = 0;
            foreach (string call in node.Link.Calls)
            {
                if (call == "failed publish:" + Topic)
                {
                    count++;
                }
            }

            return count;
        }

        [TestMethod]
        public static void Home_assistant_coming_online_brings_the_announcement_again_after_one_to_five_seconds()
        {
            NodeHarness node = NodeHarness.Started();
            Assert.IsTrue(node.Link.Subscriptions.Contains("homeassistant/status"));
            node.Link.ClearRecorded();

            node.Link.Deliver("homeassistant/status", "online", false);
            node.Node.Poll();
            Assert.AreEqual(0, node.Link.CountOn(Topic), "not at once");
            node.Advance(999);
            Assert.AreEqual(0, node.Link.CountOn(Topic), "not before a second");
            node.Advance(4001);
            Assert.AreEqual(1, node.Link.CountOn(Topic), "within five seconds, once");
            node.Advance(10000);
            Assert.AreEqual(1, node.Link.CountOn(Topic));
        }

        [TestMethod]
        public static void A_retained_online_is_news_not_an_ignored_command_and_offline_changes_nothing()
        {
            NodeHarness node = NodeHarness.Started();
            node.Link.ClearRecorded();

            node.Link.Deliver("homeassistant/status", "offline", false);
            node.Node.Poll();
            node.Advance(6000);
            Assert.AreEqual(0, node.Link.CountOn(Topic));

            node.Link.Deliver("homeassistant/status", "online", true);
            node.Node.Poll();
            node.Advance(6000);
            Assert.AreEqual(1, node.Link.CountOn(Topic));
            Assert.IsNull(node.LastEvent());
        }

        [TestMethod]
        public static void With_discovery_off_the_device_is_removed_and_home_assistant_not_listened_to()
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/config/set", "{\"discovery\":false}");
            node.Advance(10);

            PublishedMessage removal = node.Link.Last(Topic);
            Assert.AreEqual("", removal.Payload, "an empty retained config deletes the device");
            Assert.IsTrue(removal.Retain);
            Assert.AreEqual("", node.Link.Last("homeassistant/device/node1/bme280/config").Payload, "and every piece of it");
            Assert.AreEqual("", node.Link.Last("homeassistant/device/node1/outputs/config").Payload);
            Assert.IsTrue(node.Node.IsOnline);
        }

        [TestMethod]
        public static void Another_discovery_prefix_moves_the_announcement_and_the_status_topic()
        {
            NodeHarness node = NodeHarness.Started();
            node.Link.Subscriptions.Clear();

            node.Send("/config/set", "{\"discovery_prefix\":\"ha\"}");
            node.Advance(10);

            Assert.IsNotNull(node.Link.Last("ha/device/node1/config"));
            Assert.IsTrue(node.Link.Subscriptions.Contains("ha/status"));
        }

        [TestMethod]
        public static void Diagnostic_sensors_read_the_diag_topic_with_value_templates()
        {
            NodeHarness node = NodeHarness.Started();
            string payload = node.HomeAssistantAnnouncement();

            Assert.Contains("\"diag_last_boot\":{\"platform\":\"sensor\",\"qos\":1,\"name\":\"last boot\",\"unique_id\":\"sensornode_node1_diag_last_boot\",\"entity_category\":\"diagnostic\",\"state_topic\":\"sensornode/node1/diag\",\"value_template\":\"{{ value_json.last_boot }}\",\"availability_topic\":\"sensornode/node1/status\",\"payload_available\":\"online\",\"payload_not_available\":\"offline\",\"device_class\":\"timestamp\"}", payload);
            Assert.DoesNotContains("diag_uptime", payload); // an uptime is stale the moment it is published
            Assert.Contains("\"diag_connects\":{\"platform\":\"sensor\",\"qos\":1,\"name\":\"connects since boot\",\"unique_id\":\"sensornode_node1_diag_connects\",\"entity_category\":\"diagnostic\",\"state_topic\":\"sensornode/node1/diag\",\"value_template\":\"{{ value_json.connects }}\",\"availability_topic\":\"sensornode/node1/status\",\"payload_available\":\"online\",\"payload_not_available\":\"offline\",\"state_class\":\"total_increasing\"}", payload);
            Assert.Contains("\"diag_rssi\":{\"platform\":\"sensor\",\"qos\":1,\"name\":\"Wi-Fi RSSI\",\"unique_id\":\"sensornode_node1_diag_rssi\",\"entity_category\":\"diagnostic\",\"state_topic\":\"sensornode/node1/diag\",\"value_template\":\"{{ value_json.rssi_dbm }}\",\"availability_topic\":\"sensornode/node1/status\",\"payload_available\":\"online\",\"payload_not_available\":\"offline\",\"device_class\":\"signal_strength\",\"unit_of_measurement\":\"dBm\",\"state_class\":\"measurement\"}", payload);
            Assert.Contains("\"diag_free_heap\":{\"platform\":\"sensor\",\"qos\":1,\"name\":\"free heap\",\"unique_id\":\"sensornode_node1_diag_free_heap\",\"entity_category\":\"diagnostic\",\"state_topic\":\"sensornode/node1/diag\",\"value_template\":\"{{ value_json.free_heap }}\",\"availability_topic\":\"sensornode/node1/status\",\"payload_available\":\"online\",\"payload_not_available\":\"offline\",\"device_class\":\"data_size\",\"unit_of_measurement\":\"B\",\"state_class\":\"measurement\"}", payload);
        }

        [TestMethod]
        public static void A_board_that_cannot_tell_rssi_or_free_heap_gets_no_entity_for_them()
        {
            NodeHarness node = new NodeHarness();
            node.Health.KnowsRssi = false;
            node.Health.FreeHeap = -1;
            node.Start();
            node.Node.Poll();
            string payload = node.HomeAssistantAnnouncement();

            Assert.Contains("\"diag_last_boot\":", payload);
            Assert.Contains("\"diag_connects\":", payload);
            Assert.DoesNotContains("diag_rssi", payload);
            Assert.DoesNotContains("diag_free_heap", payload);
            Assert.EndsWith("\"state_class\":\"total_increasing\"}}}", node.Link.Last(Topic).Payload, "connects is the base piece's last");
        }
        [TestMethod]
        public static void An_output_gone_since_the_last_boot_is_removed_by_its_platform_alone_for_five_boots()
        {
            NodeHarness before = new NodeHarness();
            before.Strip = new FakeDimmer();
            before.Start();
            before.Node.Poll();

            NodeHarness after = RestartedFrom(before);
            string payload = after.HomeAssistantAnnouncement();
            Assert.Contains(",\"strip\":{\"platform\":\"light\"}}}", payload);
            Assert.Contains("\"relay\":{\"platform\":\"switch\",\"qos\":1,\"name\":\"relay\"", payload);

            after.Link.ClearRecorded();
            after.Link.Deliver("homeassistant/status", "online", false);
            after.Node.Poll();
            after.Advance(5001);
            Assert.Contains("\"strip\":{\"platform\":\"light\"}", after.HomeAssistantAnnouncement(), "every announcement of that boot removes it");

            // A Home Assistant that was offline for that boot hears it on one of the next four.
            NodeHarness later = after;
            for (int boot = 2; boot <= AnnouncedComponents.RemovalBoots; boot++)
            {
                later = RestartedFrom(later);
                Assert.Contains("\"strip\":{\"platform\":\"light\"}", later.HomeAssistantAnnouncement(), "boot " + boot + " without the strip");
            }

            later = RestartedFrom(later);
            Assert.DoesNotContains("strip", later.HomeAssistantAnnouncement(), "removed for five boots, then forgotten");
            Assert.DoesNotContains("strip", Utf8.GetString(later.Store.Load(AnnouncedComponents.FileName), 0, later.Store.Load(AnnouncedComponents.FileName).Length));
        }

        [TestMethod]
        public static void An_output_back_before_its_removal_ended_is_announced_whole_and_its_removal_forgotten()
        {
            NodeHarness before = new NodeHarness();
            before.Strip = new FakeDimmer();
            before.Start();
            before.Node.Poll();
            NodeHarness without = RestartedFrom(before);
            Assert.Contains("\"strip\":{\"platform\":\"light\"}", without.HomeAssistantAnnouncement());

            NodeHarness back = new NodeHarness();
            back.Strip = new FakeDimmer();
            back.Store.Save(AnnouncedComponents.FileName, without.Store.Load(AnnouncedComponents.FileName));
            back.Start();
            back.Node.Poll();
            Assert.Contains("\"strip\":{\"platform\":\"light\",\"qos\":1,\"name\":\"strip\"", back.HomeAssistantAnnouncement());

            byte[] stored = back.Store.Load(AnnouncedComponents.FileName);
            Assert.Contains("light outputs:strip\n", Utf8.GetString(stored, 0, stored.Length), "announced again: no count of boots gone");
        }

        [TestMethod]
        public static void A_large_announcement_goes_out_in_pieces_one_per_group_each_a_whole_device_message()
        {
            NodeHarness node = new NodeHarness();
            node.Strip = new FakeDimmer();
            node.ExtraSensors.Add(new GuardedSensor("sht3x", Sht3xFamily.Sht3x, new FakeSensorDriver(new double[] { 21.5, 40.2 })));
            node.ExtraSensors.Add(new GuardedSensor("sht3x_45", Sht3xFamily.Sht3x, new FakeSensorDriver(new double[] { 21.5, 40.2 })));
            node.Start();
            node.Node.Poll();

            string[] pieces = node.HomeAssistantAnnouncement().Split('\n');
            Assert.AreEqual(5, pieces.Length, "diag (the base), bme280, sht3x, sht3x_45, outputs");
            int total = 0;
            foreach (string piece in pieces)
            {
                Assert.StartsWith("{\"device\":{\"identifiers\":[\"sensornode_node1\"]", piece, "each piece names the device Home Assistant joins them into");
                Assert.EndsWith("}}}", piece);
                Assert.IsTrue(piece.Length < 2048, "a piece needs no big block on a device's heap: " + piece.Length);
                total += piece.Length;
            }

            Assert.IsTrue(total > 4096, "the case is one a single message would need more than 4 KB for: " + total);
            Assert.Contains("\"sht3x_45_humidity\":{\"platform\":\"sensor\"", node.Link.Last("homeassistant/device/node1/sht3x_45/config").Payload);
            Assert.Contains("\"strip\":{\"platform\":\"light\"", node.Link.Last("homeassistant/device/node1/outputs/config").Payload);
            Assert.Contains("\"diag_connects\":{\"platform\":\"sensor\"", node.Link.Last(Topic).Payload);
            Assert.IsNull(node.LastEvent(), "no discovery_error");
        }

        [TestMethod]
        public static void A_link_that_has_not_sent_a_piece_gets_the_next_one_once_it_has()
        {
            NodeHarness node = new NodeHarness();
            node.Link.Pending = 1; // M2Mqtt: a QoS 1 message is held until the broker's acknowledgement
            node.Start();
            node.Node.Poll();
            Assert.AreEqual(1, node.HomeAssistantAnnouncement().Split('\n').Length, "one piece in flight at a time");

            node.Link.Pending = 0;
            node.Advance(10);
            Assert.AreEqual(3, node.HomeAssistantAnnouncement().Split('\n').Length, "diag, bme280, outputs");
            Assert.IsNotNull(node.Store.Load(AnnouncedComponents.FileName), "stored once every piece went out");
        }

        [TestMethod]
        public static void A_sensor_gone_since_the_last_boot_removes_each_of_its_quantities()
        {
            NodeHarness before = new NodeHarness();
            before.ExtraSensors.Add(new GuardedSensor("sht3x", Sht3xFamily.Sht3x, new FakeSensorDriver(new double[] { 21.5, 40.2 })));
            before.Start();
            before.Node.Poll();
            Assert.Contains("\"sht3x_humidity\":{\"platform\":\"sensor\",\"qos\":1,\"name\"", before.HomeAssistantAnnouncement());

            string payload = RestartedFrom(before).HomeAssistantAnnouncement();
            Assert.Contains("\"sht3x_temperature\":{\"platform\":\"sensor\"}", payload);
            Assert.Contains("\"sht3x_humidity\":{\"platform\":\"sensor\"}", payload);
            Assert.Contains("\"bme280_temperature\":{\"platform\":\"sensor\",\"qos\":1,\"name\"", payload);
        }

        [TestMethod]
        public static void The_announced_list_is_written_only_when_it_changed()
        {
            NodeHarness node = NodeHarness.Started();
            Assert.IsNotNull(node.Store.Load(AnnouncedComponents.FileName));
            int saves = node.Store.SaveCount;

            node.Link.Deliver("homeassistant/status", "online", false);
            node.Node.Poll();
            node.Advance(5001);

            Assert.AreEqual(2, node.Link.CountOn(Topic));
            Assert.AreEqual(saves, node.Store.SaveCount, "the same components: no flash write");
        }

        [TestMethod]
        public static void A_list_of_a_release_with_one_message_removes_what_is_gone_from_the_base_piece_and_nothing_that_moved()
        {
            NodeHarness node = new NodeHarness();
            node.Store.Save(AnnouncedComponents.FileName, Utf8.GetBytes("sensor bme280_temperature\nswitch relay\nlight strip\n"));
            node.Start();
            node.Node.Poll();

            Assert.EndsWith(",\"strip\":{\"platform\":\"light\"}}}", node.Link.Last(Topic).Payload, "the old message's topic is the base piece's");
            Assert.DoesNotContains("\"bme280_temperature\":{\"platform\":\"sensor\"}", node.HomeAssistantAnnouncement(), "moved to its sensor's piece, not gone");
            Assert.Contains("\"bme280_temperature\":{\"platform\":\"sensor\",\"qos\":1", node.Link.Last("homeassistant/device/node1/bme280/config").Payload);
            Assert.Contains("\"relay\":{\"platform\":\"switch\",\"qos\":1", node.Link.Last("homeassistant/device/node1/outputs/config").Payload);
            byte[] stored = node.Store.Load(AnnouncedComponents.FileName);
            Assert.Contains("light diag:strip 1\n", Utf8.GetString(stored, 0, stored.Length));
        }

        [TestMethod]
        public static void An_unreadable_announced_list_removes_nothing()
        {
            NodeHarness node = new NodeHarness();
            node.Store.Save(AnnouncedComponents.FileName, new byte[] { 0xFF, 0x20, 0x41, 0x0A, 0x73, 0x77 });
            node.Start();
            node.Node.Poll();

            string payload = node.HomeAssistantAnnouncement();
            Assert.EndsWith("}}}", node.Link.Last(Topic).Payload);
            Assert.DoesNotContains("\"sw\"", payload);
        }

        /// <summary>A new boot on the same flash: what the node stored is all that carries over.</summary>
        private static NodeHarness RestartedFrom(NodeHarness previous)
        {
            NodeHarness next = new NodeHarness();
            next.Store.Save(AnnouncedComponents.FileName, previous.Store.Load(AnnouncedComponents.FileName));
            next.Start();
            next.Node.Poll();
            return next;
        }
    }
}
