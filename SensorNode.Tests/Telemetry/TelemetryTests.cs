using nanoFramework.TestFramework;
using SensorNode.Core.Board;
using SensorNode.Core.Sensors;
using SensorNode.Core.Sensors.Bosch;
using SensorNode.Core.Sensors.Sensirion;
using SensorNode.Core.Mqtt;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Telemetry
{
    [TestClass]
    public class TelemetryTests
    {
        [TestMethod]
        public static void Each_quantity_is_published_retained_with_its_fixed_decimals()
        {
            NodeHarness node = NodeHarness.Started();

            AssertReading(node, "temperature", "21.46");
            AssertReading(node, "humidity", "45.1");
            AssertReading(node, "pressure", "1013.25");
        }

        [TestMethod]
        public static void Gas_resistance_is_published_in_whole_ohms()
        {
            Assert.AreEqual("gas_resistance", Quantity.GasResistance.Name);
            Assert.AreEqual(0, Quantity.GasResistance.Decimals);
        }

        [TestMethod]
        public static void Snapshot_is_retained_json_with_sequence_readings_and_actuators()
        {
            NodeHarness node = NodeHarness.Started();

            PublishedMessage state = node.Link.Last(node.Base + "/state");
            Assert.IsTrue(state.Retain);
            Assert.AreEqual(
                "{\"seq\":1,\"uptime_ms\":0,\"sensors\":{\"bme280\":{\"temperature\":21.46,\"humidity\":45.1,\"pressure\":1013.25}},\"actuators\":{\"relay\":\"OFF\",\"led\":\"OFF\"}}",
                state.Payload);
        }

        [TestMethod]
        public static void Snapshot_carries_a_timestamp_once_the_clock_is_known()
        {
            NodeHarness node = new NodeHarness();
            node.Clock.TimeKnown = true;
            node.Start();
            node.Node.Poll();

            Assert.StartsWith("{\"seq\":1,\"time\":\"2026-11-24T08:30:15Z\",\"uptime_ms\":0,", node.LastPayload("/state"));
        }

        [TestMethod]
        public static void Cycles_repeat_at_the_default_30_second_interval_with_increasing_sequence()
        {
            NodeHarness node = NodeHarness.Started();
            Assert.AreEqual(30, node.Node.Config.PublishIntervalSeconds);

            node.Advance(29999);
            Assert.AreEqual(1, node.Link.CountOn(node.Base + "/state"));
            node.Advance(1);
            Assert.AreEqual(2, node.Link.CountOn(node.Base + "/state"));
            Assert.StartsWith("{\"seq\":2,", node.LastPayload("/state"));
        }

        [TestMethod]
        public static void Poll_tells_the_loop_how_long_it_may_sleep()
        {
            NodeHarness node = NodeHarness.Started();

            node.Clock.Now = 29500;
            int sleepMs = node.Node.Poll();

            Assert.AreEqual(500, sleepMs);
        }

        [TestMethod]
        public static void Failed_read_is_reported_never_published_as_a_number()
        {
            NodeHarness node = NodeHarness.Started();
            node.Link.ClearRecorded();
            node.Sensor.FailWith = "address not acknowledged";

            node.Advance(30000);

            Assert.AreEqual(0, node.Link.CountOn(node.Base + "/sensor/bme280/temperature"));
            Assert.Contains("\"bme280\":{\"error\":\"I2C 0x76: address not acknowledged\"}", node.LastPayload("/state"));
            Assert.Contains("\"type\":\"sensor_error\"", node.LastEvent());
            Assert.Contains("I2C 0x76: address not acknowledged", node.LastEvent());
            Assert.IsTrue(node.Log.Contains("I2C 0x76: address not acknowledged"));
        }

        [TestMethod]
        public static void A_lasting_failure_is_reported_once_and_its_recovery_too()
        {
            NodeHarness node = NodeHarness.Started();
            node.Sensor.FailWith = "stuck";

            node.Advance(30000);
            node.Advance(30000);
            Assert.AreEqual(1, node.Link.CountContaining(node.Base + "/event", "sensor_error"));

            node.Sensor.FailWith = null;
            node.Advance(30000);
            Assert.Contains("sensor_recovered", node.LastEvent());
            AssertReading(node, "temperature", "21.46");
        }

        [TestMethod]
        public static void A_failing_sensor_does_not_stop_the_others()
        {
            NodeHarness node = new NodeHarness();
            FakeSensorDriver broken = new FakeSensorDriver(new double[] { 20, 990 }, 0x77);
            broken.FailWith = "chip id 0x00 where 0x58 was expected";
            node.ExtraSensors.Add(new GuardedSensor("bmp280", BoschFamily.Bmp280, broken));
            node.Start();
            node.Node.Poll();

            AssertReading(node, "temperature", "21.46");
            Assert.AreEqual(0, node.Link.CountOn(node.Base + "/sensor/bmp280/pressure"));
            Assert.Contains("\"bmp280\":{\"error\":\"I2C 0x77: chip id 0x00 where 0x58 was expected\"}", node.LastPayload("/state"));
            Assert.Contains("\"bme280\":{\"temperature\":21.46", node.LastPayload("/state"));
        }

        [TestMethod]
        public static void A_quantity_the_chip_could_not_measure_is_null_in_the_snapshot_and_not_published()
        {
            NodeHarness node = new NodeHarness();
            node.Sensor.NextValues = new double[] { 20.0, double.NaN, 1000.0 };
            node.Start();
            node.Node.Poll();

            Assert.AreEqual(0, node.Link.CountOn(node.Base + "/sensor/bme280/humidity"));
            Assert.Contains("\"humidity\":null", node.LastPayload("/state"));
            AssertReading(node, "temperature", "20.00");
        }

        [TestMethod]
        public static void A_reading_outside_the_chips_operating_range_is_a_fault_not_weather()
        {
            NodeHarness node = new NodeHarness();
            node.Sensor.NextValues = new double[] { -144.06, 0.0, 300.0 }; // what all-zero raw registers decode to
            node.Start();
            node.Node.Poll();

            Assert.AreEqual(0, node.Link.CountOn(node.Base + "/sensor/bme280/temperature"));
            Assert.AreEqual(0, node.Link.CountOn(node.Base + "/sensor/bme280/pressure"));
            Assert.Contains("temperature -144.06 °C is outside -40..85", node.LastEvent());
            Assert.Contains("\"bme280\":{\"error\":", node.LastPayload("/state"));
        }

        [TestMethod]
        public static void A_read_that_measured_nothing_is_a_fault()
        {
            NodeHarness node = new NodeHarness();
            node.Sensor.NextValues = new double[] { double.NaN, double.NaN, double.NaN }; // a hung conversion
            node.Start();
            node.Node.Poll();

            Assert.AreEqual(0, node.Link.CountOn(node.Base + "/sensor/bme280/temperature"));
            Assert.Contains("sensor_error", node.LastEvent());
            Assert.Contains("no quantity was measured", node.LastEvent());
            Assert.Contains("\"bme280\":{\"error\":\"I2C 0x76: no quantity was measured", node.LastPayload("/state"));
        }

        [TestMethod]
        public static void A_sensor_with_nothing_new_publishes_nothing_and_keeps_its_last_values_in_the_snapshot()
        {
            NodeHarness node = NodeHarness.Started();
            node.Link.ClearRecorded();
            node.Sensor.NotReady = true;

            node.Advance(30000);

            Assert.AreEqual(0, node.Link.CountOn(node.Base + "/sensor/bme280/temperature"));
            Assert.Contains("\"bme280\":{\"temperature\":21.46,", node.LastPayload("/state"));
            Assert.IsNull(node.LastEvent(), "no data yet is no error");
        }

        [TestMethod]
        public static void A_sensor_that_never_measured_is_empty_in_the_snapshot_until_it_does()
        {
            NodeHarness node = new NodeHarness();
            node.Sensor.NotReady = true;
            node.Start();
            node.Node.Poll();

            Assert.Contains("\"bme280\":{}", node.LastPayload("/state"));
            node.Sensor.NotReady = false;
            node.Advance(30000);
            Assert.Contains("\"bme280\":{\"temperature\":21.46,", node.LastPayload("/state"));
        }

        [TestMethod]
        public static void A_reading_within_one_chips_range_and_outside_anothers_is_judged_by_its_own_chip()
        {
            NodeHarness node = new NodeHarness();
            FakeSensorDriver sht = new FakeSensorDriver(new double[] { 100.0, 30.0 }, 0x44);
            node.ExtraSensors.Add(new GuardedSensor("sht3x", Sht3xFamily.Sht3x, sht));
            node.Sensor.NextValues = new double[] { 100.0, 30.0, 1000.0 };
            node.Start();
            node.Node.Poll();

            Assert.AreEqual("100.00", node.LastPayload("/sensor/sht3x/temperature"), "100 °C is in an SHT31's range");
            Assert.AreEqual(0, node.Link.CountOn(node.Base + "/sensor/bme280/temperature"), "and outside a BME280's");
            Assert.Contains("temperature 100 °C is outside -40..85", node.LastEvent());
        }

        [TestMethod]
        public static void Without_history_no_reads_offline()
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/config/set", "{\"history_bytes\":0}"); // with a history they go on offline (HistoryTests)
            node.Link.AcceptConnect = false;
            node.Link.Drop();
            int reads = node.Sensor.ReadCount;

            node.Advance(30000);
            Assert.AreEqual(reads, node.Sensor.ReadCount);

            node.Link.AcceptConnect = true;
            node.Advance(60000);
            Assert.AreEqual(reads + 1, node.Sensor.ReadCount);
            Assert.IsTrue(node.Node.IsOnline);
        }

        private static void AssertReading(NodeHarness node, string quantity, string expected)
        {
            PublishedMessage reading = node.Link.Last(node.Base + "/sensor/bme280/" + quantity);
            Assert.IsNotNull(reading, quantity + " not published");
            Assert.AreEqual(expected, reading.Payload);
            Assert.IsTrue(reading.Retain, quantity + " must be retained");
            Assert.IsTrue(reading.Qos == MqttQos.AtMostOnce);
        }
    }
}
