using nanoFramework.TestFramework;
using SensorNode.Core.Config;
using SensorNode.Core.Diagnostics;
using SensorNode.Core.Mqtt;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Diagnostics
{
    /// <summary>
    /// The diagnostics on "{base}/diag": retained JSON after every connect and every diag_interval_s, with the
    /// boot count kept in the settings store, connects and dropped messages since boot, and the config version.
    /// </summary>
    [TestClass]
    public class DiagnosticsTests
    {
        private const string Diag = "/diag";

        [TestMethod]
        public static void After_connect_the_diagnostics_are_published_retained_with_every_field()
        {
            NodeHarness node = new NodeHarness();
            node.Clock.Now = 1234567;
            node.Start();
            node.Node.Poll();

            PublishedMessage diag = node.Link.Last(node.Base + Diag);
            Assert.IsNotNull(diag, "no diagnostics");
            Assert.IsTrue(diag.Retain);
            Assert.IsTrue(diag.Qos == MqttQos.AtLeastOnce);
            Assert.AreEqual(
                "{\"firmware\":\"SensorNode 0.4.0\",\"uptime_s\":1234,\"last_boot\":null,\"boots\":1,\"reset_reason\":\"power on\",\"rssi_dbm\":-61,\"ip\":\"192.168.1.23\",\"free_heap\":48211,\"largest_block\":30000,\"connects\":1,\"last_connect_error\":null,\"probes_ignored\":0,\"dropped\":0,\"inbox\":0,\"config_version\":0,\"history\":0,\"history_dropped\":0}",
                diag.Payload);
        }

        [TestMethod]
        public static void Once_the_board_knows_the_time_the_boot_time_is_reported_and_stays_put()
        {
            NodeHarness node = new NodeHarness();
            node.Clock.TimeKnown = true;
            node.Clock.Now = 1234567; // the clock reads Utc + 1234.567 s: the node booted at Utc
            node.Start();
            node.Node.Poll();
            Assert.Contains("\"uptime_s\":1234,\"last_boot\":\"2026-11-24T08:30:15Z\",", node.LastPayload(Diag));

            node.Send("/config/set", "{\"diag_interval_s\":60}");
            node.Advance(60500);
            Assert.Contains("\"uptime_s\":1295,\"last_boot\":\"2026-11-24T08:30:15Z\",", node.LastPayload(Diag));

            node.Clock.Utc = node.Clock.Utc.AddHours(1); // SNTP set the wall clock
            node.Advance(60000);
            Assert.Contains("\"last_boot\":\"2026-11-24T09:30:15Z\",", node.LastPayload(Diag));
        }

        [TestMethod]
        public static void What_the_board_does_not_know_is_null()
        {
            NodeHarness node = new NodeHarness();
            node.Health.KnowsRssi = false;
            node.Health.Ip = null;
            node.Health.FreeHeap = -1;
            node.Health.LargestBlock = -1;
            node.Health.Reset = null;
            node.Start();
            node.Node.Poll();

            string diag = node.LastPayload(Diag);
            Assert.Contains("\"reset_reason\":null,\"rssi_dbm\":null,\"ip\":null,\"free_heap\":null,\"largest_block\":null,", diag);
        }

        [TestMethod]
        public static void The_diagnostics_come_again_every_diag_interval()
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/config/set", "{\"diag_interval_s\":60}");
            node.Link.ClearRecorded();

            node.Advance(59000);
            Assert.AreEqual(0, node.Link.CountOn(node.Base + Diag), "not before the interval");
            node.Advance(1000);
            Assert.AreEqual(1, node.Link.CountOn(node.Base + Diag), "after 60 s");
            Assert.Contains("\"uptime_s\":60,", node.LastPayload(Diag));
            node.Advance(60000);
            Assert.AreEqual(2, node.Link.CountOn(node.Base + Diag), "and again");
        }

        [TestMethod]
        public static void The_default_interval_is_five_minutes()
        {
            NodeHarness node = NodeHarness.Started();
            node.Link.ClearRecorded();

            for (int s = 0; s < 299; s++)
            {
                node.Advance(1000);
            }

            Assert.AreEqual(0, node.Link.CountOn(node.Base + Diag));
            node.Advance(1000);
            Assert.AreEqual(1, node.Link.CountOn(node.Base + Diag));
        }

        [TestMethod]
        public static void Boots_are_counted_across_starts_on_the_same_store()
        {
            NodeHarness first = NodeHarness.Started();
            Assert.AreEqual(1L, first.Node.Boots);

            NodeHarness second = new NodeHarness();
            second.Store.Save(BootCounter.FileName, first.Store.Load(BootCounter.FileName));
            second.Start();
            second.Node.Poll();

            Assert.AreEqual(2L, second.Node.Boots);
            Assert.Contains("\"boots\":2,", second.LastPayload(Diag));
        }

        [TestMethod]
        public static void An_unreadable_boot_count_starts_again_at_one()
        {
            NodeHarness node = new NodeHarness();
            node.Store.Save(BootCounter.FileName, new byte[] { (byte)'x', (byte)'7' });
            node.Start();

            Assert.AreEqual(1L, node.Node.Boots);
        }

        [TestMethod]
        public static void Connects_and_the_last_connect_error_are_counted_after_a_dropped_connection()
        {
            NodeHarness node = NodeHarness.Started();
            node.Link.AcceptConnect = false;
            node.Link.Drop();
            node.Node.Poll();
            node.Link.AcceptConnect = true;
            node.Link.ClearRecorded();

            node.Advance(Core.Connection.ReconnectBackoff.FirstWindowMs);

            string diag = node.LastPayload(Diag);
            Assert.IsNotNull(diag, "diagnostics after the reconnect");
            Assert.Contains("\"connects\":2,", diag);
            Assert.DoesNotContains("\"last_connect_error\":null", diag);
        }

        [TestMethod]
        public static void Dropped_messages_are_counted_since_boot()
        {
            NodeHarness node = NodeHarness.Started();
            for (int i = 0; i < MessageInbox.DefaultCapacity + 3; i++)
            {
                node.Link.Deliver(node.Base + "/actuator/relay/set", "TOGGLE", false);
            }

            node.Node.Poll(); // reports and clears the dropped count of the event
            Assert.AreEqual(3L, node.Node.Inbox.DroppedSinceBoot);
            Assert.AreEqual(0, node.Node.Inbox.Count);

            node.Node.Diagnostics.Report();
            Assert.Contains("\"dropped\":3,\"inbox\":0,", node.LastPayload(Diag));
        }

        [TestMethod]
        public static void The_config_version_grows_with_each_applied_config_and_is_kept()
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/config/set", "{\"interval_s\":10}");
            node.Send("/config/set", "{\"interval_s\":20}");
            Assert.AreEqual(2L, node.Node.Config.ConfigVersion);

            node.Node.Diagnostics.Report();
            Assert.Contains("\"config_version\":2,", node.LastPayload(Diag));
            Assert.Contains("\"config_version\":2", node.LastPayload("/config"));

            NodeHarness rebooted = new NodeHarness();
            rebooted.Store.Save(ConfigStore.FileName, node.Store.Load(ConfigStore.FileName));
            rebooted.Start();
            Assert.AreEqual(2L, rebooted.Node.Config.ConfigVersion);
        }

        [TestMethod]
        public static void A_rejected_config_does_not_count()
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/config/set", "{\"interval_s\":0}");

            Assert.AreEqual(0L, node.Node.Config.ConfigVersion);
        }

        [TestMethod]
        public static void The_config_version_is_read_only_but_a_copy_of_the_published_config_round_trips()
        {
            NodeHarness node = NodeHarness.Started();

            node.Send("/config/set", "{\"config_version\":5}");
            Assert.Contains("\"type\":\"config_rejected\"", node.LastEvent());
            Assert.Contains("\\\"config_version\\\" is read-only", node.LastEvent());
            Assert.AreEqual(0L, node.Node.Config.ConfigVersion);

            node.Send("/config/set", "{\"config_version\":0,\"interval_s\":15}");
            Assert.Contains("\"type\":\"config_applied\"", node.LastEvent());
            Assert.AreEqual(1L, node.Node.Config.ConfigVersion);
        }

        [TestMethod]
        [DataRow("{\"diag_interval_s\":9}")]
        [DataRow("{\"diag_interval_s\":86401}")]
        [DataRow("{\"diag_interval_s\":\"60\"}")]
        public static void A_diag_interval_outside_10_s_to_a_day_is_rejected(string json)
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/config/set", json);

            Assert.Contains("\"diag_interval_s\\\" must be a whole number from 10 to 86400", node.LastEvent());
            Assert.AreEqual(300, node.Node.Config.DiagIntervalSeconds);
        }
    }
}
