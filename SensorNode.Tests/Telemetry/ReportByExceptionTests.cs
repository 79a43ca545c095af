using nanoFramework.TestFramework;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Telemetry
{
    /// <summary>
    /// The firmware's defaults: a reading goes out when it moved by its quantity's deadband since it was last
    /// published (0.1 °C, 1 %RH, 0.5 hPa…) or when its heartbeat (20 min) is due; no snapshot.
    /// </summary>
    [TestClass]
    public class ReportByExceptionTests
    {
        private const string Temperature = "/sensor/bme280/temperature";
        private const string Humidity = "/sensor/bme280/humidity";

        [TestMethod]
        public static void After_connect_every_quantity_goes_out_once_and_no_snapshot()
        {
            NodeHarness node = Defaults();

            Assert.AreEqual("21.46", node.LastPayload(Temperature));
            Assert.AreEqual("45.1", node.LastPayload(Humidity));
            Assert.AreEqual(1, node.Link.CountOn(node.Base + "/sensor/bme280/pressure"));
            Assert.AreEqual(0, node.Link.CountOn(node.Base + "/state"));
        }

        [TestMethod]
        public static void A_reading_the_link_could_not_take_is_news_again_at_the_next_cycle_though_it_did_not_move()
        {
            NodeHarness node = Defaults();
            node.Sensor.NextValues[0] = 21.80; // beyond the deadband
            node.Link.FailPublishUnder = node.Base + Temperature; // as M2Mqtt's copy on a full heap
            node.Advance(30000);
            Assert.AreEqual("21.46", node.LastPayload(Temperature), "not sent");

            node.Link.FailPublishUnder = null;
            node.Link.ClearRecorded();
            node.Advance(30000);
            Assert.AreEqual("21.80", node.LastPayload(Temperature), "lost before: counted as published, it waited for the heartbeat");
            Assert.AreEqual(0, node.Link.CountOn(node.Base + Humidity), "humidity did not move and went out");
        }

        [TestMethod]
        public static void A_change_below_the_deadband_waits_and_one_beyond_goes_out_at_the_next_read()
        {
            NodeHarness node = Defaults();
            node.Link.ClearRecorded();

            node.Sensor.NextValues[0] = 21.50; // +0.044 °C
            node.Advance(30000);
            Assert.AreEqual(0, node.Link.CountOn(node.Base + Temperature));

            node.Sensor.NextValues[0] = 21.56; // +0.104 °C since published
            node.Advance(30000);
            Assert.AreEqual("21.56", node.LastPayload(Temperature));
            Assert.AreEqual(0, node.Link.CountOn(node.Base + Humidity), "humidity did not move");
        }

        [TestMethod]
        public static void Drift_that_adds_up_is_measured_from_the_last_published_value()
        {
            NodeHarness node = Defaults();
            node.Link.ClearRecorded();

            for (int read = 1; read <= 4; read++)
            {
                node.Sensor.NextValues[0] = 21.456 + read * 0.03;
                node.Advance(30000);
            }

            Assert.AreEqual(1, node.Link.CountOn(node.Base + Temperature), "0.03 °C steps: out once they add up to 0.1");
            Assert.AreEqual("21.58", node.LastPayload(Temperature));
        }

        [TestMethod]
        public static void A_change_counts_from_the_published_digits_not_the_raw_reading()
        {
            NodeHarness node = Defaults();
            node.Sensor.NextValues[0] = 21.334; // published as "21.33"
            node.Advance(30000);
            Assert.AreEqual("21.33", node.LastPayload(Temperature));

            node.Sensor.NextValues[0] = 21.432; // 0.098 from the raw 21.334, 0.102 from the 21.33 subscribers see
            node.Advance(30000);
            Assert.AreEqual("21.43", node.LastPayload(Temperature));

            node.Sensor.NextValues[0] = 21.53; // 21.53 - 21.43: 0.1 on paper, 0.0999… in doubles
            node.Advance(30000);
            Assert.AreEqual("21.53", node.LastPayload(Temperature));
        }

        [TestMethod]
        public static void An_unchanged_quantity_goes_out_with_its_heartbeat()
        {
            NodeHarness node = Defaults();
            node.Link.ClearRecorded();

            for (int read = 1; read < 40; read++)
            {
                node.Sensor.NextValues[0] = 21.456 + (read % 2) * 0.001; // a working chip's noise, far below 0.1 °C
                node.Advance(30000);
            }

            Assert.AreEqual(0, node.Link.CountOn(node.Base + Temperature));
            node.Sensor.NextValues[0] = 21.456;
            node.Advance(30000); // 1200 s since it was published
            Assert.AreEqual(1, node.Link.CountOn(node.Base + Temperature));
            Assert.AreEqual(1, node.Link.CountOn(node.Base + Humidity));
        }

        [TestMethod]
        public static void Deadbands_heartbeat_and_snapshot_are_settings()
        {
            NodeHarness node = Defaults();
            node.Send("/config/set", "{\"deadband_temperature\":0,\"heartbeat_s\":60,\"snapshot\":\"change\"}");
            string config = node.LastPayload("/config");
            Assert.Contains("\"heartbeat_s\":60,\"snapshot\":\"change\",\"deadband_temperature\":0.0000,\"deadband_humidity\":1.000", config);
            node.Link.ClearRecorded();

            node.Advance(30000);
            Assert.AreEqual(1, node.Link.CountOn(node.Base + Temperature), "deadband 0: every read");
            Assert.AreEqual(1, node.Link.CountOn(node.Base + "/state"), "a cycle with news has its snapshot");
            Assert.AreEqual(0, node.Link.CountOn(node.Base + Humidity));
            node.Advance(30000);
            Assert.AreEqual(1, node.Link.CountOn(node.Base + Humidity), "heartbeat 60 s");
        }

        [TestMethod]
        public static void On_change_a_cycle_without_news_has_no_snapshot()
        {
            NodeHarness node = Defaults();
            node.Send("/config/set", "{\"snapshot\":\"change\"}");
            node.Link.ClearRecorded();

            node.Advance(30000);

            Assert.AreEqual(0, node.Link.CountOn(node.Base + "/state"));
        }

        [TestMethod]
        public static void Back_from_a_failure_or_a_reconnect_every_quantity_goes_out_at_once()
        {
            NodeHarness node = Defaults();
            node.Sensor.FailWith = "address not acknowledged";
            node.Advance(30000);
            node.Sensor.FailWith = null;
            node.Link.ClearRecorded();

            node.Advance(30000);
            Assert.AreEqual(1, node.Link.CountOn(node.Base + Temperature), "recovered");

            node.Link.Drop();
            node.Link.ClearRecorded();
            node.Advance(1000);
            Assert.AreEqual(1, node.Link.CountOn(node.Base + Temperature), "reconnected: the broker may have lost it");
        }

        // The expected texts as they stand in the event's JSON (quotes escaped).
        [DataRow("{\"deadband_colour\":1}", "unknown key \\\"deadband_colour\\\"")]
        [DataRow("{\"deadband_temperature\":-1}", "\\\"deadband_temperature\\\" must be a number from 0")]
        [DataRow("{\"snapshot\":\"sometimes\"}", "\\\"snapshot\\\" must be \\\"off\\\", \\\"change\\\" or \\\"cycle\\\"")]
        [DataRow("{\"heartbeat_s\":5}", "\\\"heartbeat_s\\\" must be a whole number from 10 to 86400")]
        public static void Bad_settings_are_rejected(string payload, string expected)
        {
            NodeHarness node = Defaults();

            node.Send("/config/set", payload);

            Assert.Contains("config_rejected", node.LastEvent());
            Assert.Contains(expected, node.LastEvent());
        }

        private static NodeHarness Defaults()
        {
            NodeHarness node = new NodeHarness();
            node.FirmwareDefaults = true;
            node.Start();
            node.Node.Poll();
            return node;
        }
    }
}
