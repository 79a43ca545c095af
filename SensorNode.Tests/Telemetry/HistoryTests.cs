using nanoFramework.TestFramework;
using SensorNode.Core.Events;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Telemetry;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Telemetry
{
    /// <summary>Store-and-forward: readings of an outage published after it on "{base}/history".</summary>
    [TestClass]
    public class HistoryTests
    {
        private const int IntervalMs = 30000;

        [TestMethod]
        public static void Outage_readings_follow_in_order_with_time_and_seq()
        {
            NodeHarness node = NodeHarness.Started();
            node.Clock.TimeKnown = true;
            GoOffline(node);
            for (int i = 1; i <= 4; i++)
            {
                node.Sensor.NextValues[0] = 20 + i; // readings that move: five identical ones would be a stuck chip
                node.Advance(IntervalMs);
            }

            node.Sensor.NextValues[0] = 30;
            node.Link.ClearRecorded();
            ComeBack(node);

            int published = node.Link.CountOn(node.Base + "/history");
            Assert.IsTrue(published >= 4, "" + published); // 4, more if the reconnect came after the next cycle
            Assert.AreEqual(
                "{\"seq\":1,\"time\":\"2026-11-24T08:30:45Z\",\"uptime_ms\":30000,\"sensors\":{\"bme280\":{\"temperature\":21.00,\"humidity\":45.1,\"pressure\":1013.25}}}",
                Nth(node, "/history", 0).Payload);
            // Literals kept short: NFUnitTest's strings are near nanoCLR's limit (docs/nanoframework.md #18).
            Assert.Contains("08:32:15Z\",\"uptime_ms\":120000,", Nth(node, "/history", 3).Payload);
            Assert.Contains(":24.00,", Nth(node, "/history", 3).Payload);
            for (int i = 0; i < published; i++)
            {
                PublishedMessage history = Nth(node, "/history", i);
                Assert.IsTrue(history.Qos == MqttQos.AtLeastOnce);
                Assert.IsFalse(history.Retain);
                Assert.IsTrue(history.Payload.IndexOf("\"seq\":" + (i + 1) + ",") == 1, "contiguous: " + history.Payload);
            }

            // The retained topic ends with the newest value, published after the backlog.
            Assert.AreEqual("30.00", node.LastPayload("/sensor/bme280/temperature"));
            Assert.IsTrue(IndexOfLast(node, "/sensor/bme280/temperature") > IndexOfLast(node, "/history"));
        }

        [TestMethod]
        public static void Readings_before_first_connect_are_history()
        {
            NodeHarness node = new NodeHarness();
            node.Link.AcceptConnect = false; // a broker not there at boot
            node.Start().Node.Poll();
            Assert.IsFalse(node.Node.IsOnline);
            node.Sensor.NextValues[0] = 22;
            node.Advance(IntervalMs);
            node.Link.ClearRecorded();
            ComeBack(node);

            Assert.StartsWith("{\"seq\":1,\"uptime_ms\":0,", Nth(node, "/history", 0).Payload);
            Assert.AreEqual(2L, SequenceOf(node, 1));
            Assert.Contains("\"uptime_ms\":30000,", Nth(node, "/history", 1).Payload);
            Assert.Contains(":22.00,", Nth(node, "/history", 1).Payload);
        }

        [TestMethod]
        public static void Seq_goes_on_across_outages()
        {
            NodeHarness node = NodeHarness.Started();
            GoOffline(node);
            node.Advance(IntervalMs);
            ComeBack(node);
            GoOffline(node);
            node.Sensor.NextValues[0] = 19;
            node.Advance(IntervalMs);
            node.Link.ClearRecorded();
            ComeBack(node);

            Assert.IsTrue(node.Link.CountOn(node.Base + "/history") >= 1);
            Assert.IsTrue(SequenceOf(node, 0) >= 2, Nth(node, "/history", 0).Payload); // the second outage goes on from the first
        }

        [TestMethod]
        public static void Time_known_later_is_reckoned_back()
        {
            NodeHarness node = NodeHarness.Started();
            GoOffline(node);
            node.Advance(IntervalMs);
            node.Link.ClearRecorded();
            ComeBack(node);
            Assert.IsTrue(Nth(node, "/history", 0).Payload.StartsWith("{\"seq\":1,\"uptime_ms\":30000,"), Nth(node, "/history", 0).Payload);

            GoOffline(node);
            long readAt = node.Clock.Now + IntervalMs;
            node.Sensor.NextValues[0] = 18;
            node.Advance(IntervalMs);
            node.Clock.TimeKnown = true; // SNTP answered during the outage
            node.Link.ClearRecorded();
            ComeBack(node);
            // FakeClock's UTC is its base plus uptime: the reading's own moment, not the flush's.
            string expected = "\"time\":\"" + Iso(node, readAt) + "\",\"uptime_ms\":" + readAt + ",";
            string first = Nth(node, "/history", 0).Payload;
            Assert.IsTrue(first.IndexOf(expected) > 0, first + " lacks " + expected);
        }

        [TestMethod]
        public static void Backlog_goes_a_batch_per_poll()
        {
            NodeHarness node = NodeHarness.Started();
            GoOffline(node);
            int cycles = 3 * HistoryForwarder.BatchSize + 1;
            for (int i = 0; i < cycles; i++)
            {
                node.Sensor.NextValues[0] = 10 + 0.1 * i;
                node.Advance(IntervalMs);
            }

            node.Link.ClearRecorded();
            node.Link.AcceptConnect = true;
            int wait = 0;
            for (int i = 0; i < 120 && !node.Node.IsOnline; i++)
            {
                node.Clock.Now += 1000;
                wait = node.Node.Poll();
            }

            Assert.IsTrue(node.Node.IsOnline);
            Assert.AreEqual(HistoryForwarder.BatchSize, node.Link.CountOn(node.Base + "/history"));
            Assert.IsTrue(wait <= HistoryForwarder.BatchPauseMs, "" + wait); // the loop comes back soon for the rest

            node.Advance(HistoryForwarder.BatchPauseMs);
            Assert.AreEqual(2 * HistoryForwarder.BatchSize, node.Link.CountOn(node.Base + "/history"));
            for (int i = 0; i < 10; i++)
            {
                node.Advance(HistoryForwarder.BatchPauseMs);
            }

            int published = node.Link.CountOn(node.Base + "/history");
            Assert.IsTrue(published >= cycles, published + " of at least " + cycles);
            Assert.AreEqual(0, node.Node.Telemetry.History.History.Count);
            for (int i = 0; i < published; i++)
            {
                Assert.AreEqual((long)(i + 1), SequenceOf(node, i));
            }
        }

        [TestMethod]
        public static void Backlog_waits_for_acks()
        {
            NodeHarness node = NodeHarness.Started();
            GoOffline(node);
            node.Advance(IntervalMs);
            node.Link.Pending = HistoryForwarder.MaxPending;
            ComeBack(node);
            Assert.AreEqual(0, node.Link.CountOn(node.Base + "/history"));
            Assert.IsTrue(node.Node.Telemetry.History.History.Count > 0);

            node.Link.Pending = 0;
            node.Advance(HistoryForwarder.BatchPauseMs);
            Assert.IsTrue(node.Link.CountOn(node.Base + "/history") > 0);
            Assert.AreEqual(0, node.Node.Telemetry.History.History.Count);
        }

        [TestMethod]
        public static void Lost_mid_flush_goes_on_next_time()
        {
            NodeHarness node = NodeHarness.Started();
            GoOffline(node);
            for (int i = 0; i < 2 * HistoryForwarder.BatchSize; i++)
            {
                node.Sensor.NextValues[0] = 10 + 0.1 * i;
                node.Advance(IntervalMs);
            }

            node.Link.ClearRecorded();
            node.Link.AcceptConnect = true;
            for (int i = 0; i < 120 && !node.Node.IsOnline; i++)
            {
                node.Advance(1000);
            }

            Assert.AreEqual(HistoryForwarder.BatchSize, node.Link.CountOn(node.Base + "/history"));
            GoOffline(node); // gone between two batches
            ComeBack(node);

            int published = node.Link.CountOn(node.Base + "/history");
            Assert.IsTrue(published >= 2 * HistoryForwarder.BatchSize);
            for (int i = 0; i < published; i++)
            {
                Assert.AreEqual((long)(i + 1), SequenceOf(node, i)); // none lost, none twice
            }
        }

        [TestMethod]
        public static void Full_history_drops_oldest_and_says_so()
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/config/set", "{\"history_bytes\":100}"); // 36-byte records (3 quantities): room for 2
            Assert.AreEqual(2, node.Node.Telemetry.History.History.Capacity);
            GoOffline(node);
            for (int i = 1; i <= 5; i++)
            {
                node.Sensor.NextValues[0] = 20 + i;
                node.Advance(IntervalMs);
            }

            node.Link.ClearRecorded();
            ComeBack(node);

            // 5 cycles, or more if the reconnect came after the next one: the newest 2 published, the rest dropped.
            Assert.AreEqual(2, node.Link.CountOn(node.Base + "/history"));
            long newest = SequenceOf(node, 1);
            Assert.IsTrue(newest >= 5);
            Assert.AreEqual(newest - 1, SequenceOf(node, 0));
            Assert.AreEqual(1, node.Link.CountContaining(node.Base + "/event", "\"type\":\"" + EventTypes.HistoryDropped + "\""));
            Assert.AreEqual(1, node.Link.CountContaining(node.Base + "/event", (newest - 2) + " reading(s) taken while offline dropped"));
            Assert.AreEqual(newest - 2, node.Node.Telemetry.History.History.DroppedSinceBoot);
            Assert.Contains("\"history_dropped\":" + (newest - 2) + "}", node.LastPayload("/diag")); // the diagnostics count them too
        }

        [TestMethod]
        public static void Failed_sensor_has_no_values()
        {
            NodeHarness node = NodeHarness.Started();
            GoOffline(node);
            node.Sensor.FailWith = "nack";
            node.Advance(IntervalMs);
            node.Link.ClearRecorded();
            ComeBack(node);

            Assert.AreEqual("{\"seq\":1,\"uptime_ms\":30000,\"sensors\":{}}", Nth(node, "/history", 0).Payload);
        }

        [TestMethod]
        public static void History_0_reads_nothing_offline()
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/config/set", "{\"history_bytes\":0}");
            GoOffline(node);
            int reads = node.Sensor.ReadCount;
            node.Advance(IntervalMs);
            Assert.AreEqual(reads, node.Sensor.ReadCount);
            node.Link.ClearRecorded();
            ComeBack(node);
            Assert.AreEqual(0, node.Link.CountOn(node.Base + "/history"));
        }

        [TestMethod]
        public static void History_over_max_is_rejected()
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/config/set", "{\"history_bytes\":32769}");
            Assert.IsTrue(node.LastEvent().IndexOf("config_rejected") > 0);
            Assert.IsTrue(node.LastEvent().IndexOf("\\\"history_bytes\\\" must be a whole number from 0 to 32768") > 0, node.LastEvent());
            Assert.AreEqual(16384, node.Node.Config.HistoryBytes);
        }

        [TestMethod]
        public static void Ring_keeps_newest_on_wrap_and_shrink()
        {
            ReadingHistory history = new ReadingHistory(1, 4 * 28); // 28-byte records: 4 fit
            for (int i = 1; i <= 6; i++)
            {
                history.Put(history.Begin(i * 10, 0), 0, -i);
            }

            Assert.AreEqual(4, history.Count);
            Assert.AreEqual(3L, history.SequenceAt(0));
            Assert.AreEqual(-3, history.ValueAt(0, 0));
            Assert.AreEqual(60L, history.UptimeAt(3));
            Assert.AreEqual(2, history.TakeDroppedCount());

            history.Resize(2 * 28);
            Assert.AreEqual(2, history.Count);
            Assert.AreEqual(5L, history.SequenceAt(0));
            Assert.AreEqual(-6, history.ValueAt(1, 0));
            Assert.AreEqual(2, history.TakeDroppedCount());
            Assert.AreEqual(4L, history.DroppedSinceBoot);
            history.Begin(70, 0);
            Assert.AreEqual(7L, history.SequenceAt(1));
        }

        private static void GoOffline(NodeHarness node)
        {
            node.Link.AcceptConnect = false;
            node.Link.Drop();
            node.Node.Poll();
            Assert.IsFalse(node.Node.IsOnline);
        }

        /// <summary>Lets the broker accept again and polls (in 1 s steps, the back-off's unit) until online and the backlog is out.</summary>
        private static void ComeBack(NodeHarness node)
        {
            node.Link.AcceptConnect = true;
            for (int i = 0; i < 120 && !node.Node.IsOnline; i++)
            {
                node.Advance(1000);
            }

            Assert.IsTrue(node.Node.IsOnline);
            for (int i = 0; i < 100 && node.Node.Telemetry.History.History.Count > 0; i++)
            {
                node.Advance(HistoryForwarder.BatchPauseMs);
            }
        }

        private static PublishedMessage Nth(NodeHarness node, string suffix, int n)
        {
            foreach (PublishedMessage message in node.Link.Published)
            {
                if (message.Topic == node.Base + suffix && n-- == 0)
                {
                    return message;
                }
            }

            return null;
        }

        /// <summary>The "seq" of the n-th history message.</summary>
        private static long SequenceOf(NodeHarness node, int n)
        {
            string payload = Nth(node, "/history", n).Payload;
            const string head = "{\"seq\":";
            Assert.IsTrue(payload.StartsWith(head), payload);
            return long.Parse(payload.Substring(head.Length, payload.IndexOf(',') - head.Length));
        }

        private static int IndexOfLast(NodeHarness node, string suffix)
        {
            for (int i = node.Link.Published.Count - 1; i >= 0; i--)
            {
                if (((PublishedMessage)node.Link.Published[i]).Topic == node.Base + suffix)
                {
                    return i;
                }
            }

            return -1;
        }

        private static string Iso(NodeHarness node, long uptimeMs)
        {
            System.DateTime utc = node.Clock.Utc.AddTicks(uptimeMs * System.TimeSpan.TicksPerMillisecond);
            return new Core.Text.PayloadBuilder(32).AppendIso8601Utc(utc).ToString();
        }
    }
}
