using nanoFramework.TestFramework;
using SensorNode.Core.Sensors;
using SensorNode.Core.Sensors.Sensirion;
using SensorNode.Core.Telemetry;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Sensors
{
    /// <summary>
    /// A read never waits for a conversion (docs/architecture.md, "two-phase reads"): the fake chips run on the fake
    /// clock, which only the test moves, so a driver that slept instead of coming back would find the chip still
    /// measuring (an SHT3x does not acknowledge its address then) and fail.
    /// </summary>
    [TestClass]
    public class TwoPhaseReadTests
    {
        [TestMethod]
        public static void An_sht3x_read_starts_a_measurement_and_the_read_16_ms_later_collects_it()
        {
            FakeClock clock = new FakeClock();
            FakeSht3xChip chip = new FakeSht3xChip(clock);
            FakeI2cBus bus = new FakeI2cBus().Attach(0x44, chip);
            Sht3xFamily.Driver driver = new Sht3xFamily.Driver(bus, 0x44, clock);
            double[] values = new double[2];

            Assert.IsTrue(driver.Measure(values) == ReadOutcome.Pending, "the measurement is started, not waited for");
            Assert.AreEqual(1, chip.Measurements);
            Assert.AreEqual(Sht3xFamily.MeasurementMs, driver.MsUntilReady);
            int transfers = bus.Transfers;
            clock.Now += 15;
            Assert.IsTrue(driver.Measure(values) == ReadOutcome.Pending, "too early");
            Assert.AreEqual(1, driver.MsUntilReady);
            Assert.AreEqual(transfers, bus.Transfers, "the chip is left alone while it measures");

            clock.Now += 1;
            Assert.IsTrue(driver.Measure(values) == ReadOutcome.Measured);
            Assert.IsTrue(values[0] > 24.49 && values[0] < 24.51, "temperature " + values[0]);
            Assert.AreEqual(1, chip.Measurements, "one measurement per read");
            Assert.IsTrue(driver.Measure(values) == ReadOutcome.Pending, "the next read starts the next one");
        }

        [TestMethod]
        public static void A_command_is_carried_out_between_the_start_of_a_conversion_and_its_collection()
        {
            NodeHarness node = new NodeHarness();
            FakeSht3xChip chip = new FakeSht3xChip(node.Clock);
            node.ExtraSensors.Add(new GuardedSensor("sht3x", Sht3xFamily.Sht3x, new Sht3xFamily.Driver(new FakeI2cBus().Attach(0x44, chip), 0x44, node.Clock)));
            node.Start();

            int msUntilWork = node.Node.Poll(); // online: the first cycle starts the SHT3x's conversion
            Assert.IsTrue(node.Node.Telemetry.CycleOpen);
            Assert.AreEqual(1, chip.Measurements);
            Assert.IsTrue(msUntilWork <= Sht3xFamily.MeasurementMs, "the loop comes back when the conversion is done: " + msUntilWork);
            Assert.AreEqual(0, node.Link.CountOn(node.Base + "/state"), "the cycle waits for every sensor");

            node.Send("/actuator/relay/set", "ON");
            Assert.IsTrue(node.Relay.IsOn, "the command did not wait for the conversion");
            Assert.AreEqual("ON", node.LastPayload("/actuator/relay/state"));
            Assert.AreEqual(0, node.Link.CountOn(node.Base + "/sensor/sht3x/temperature"));

            node.Advance(Sht3xFamily.MeasurementMs);
            Assert.IsFalse(node.Node.Telemetry.CycleOpen);
            Assert.AreEqual("24.50", node.LastPayload("/sensor/sht3x/temperature"));
            Assert.AreEqual("21.46", node.LastPayload("/sensor/bme280/temperature"));
            Assert.Contains("\"relay\":\"ON\"", node.LastPayload("/state"));
        }

        [TestMethod]
        public static void A_chip_that_never_ends_its_conversion_fails_alone_and_the_cycle_goes_out()
        {
            NodeHarness node = new NodeHarness();
            FakeSensorDriver stuck = new FakeSensorDriver(new double[] { 21.0, 40.0 }, 0x44);
            stuck.PendingReads = int.MaxValue;
            node.ExtraSensors.Add(new GuardedSensor("sht3x", Sht3xFamily.Sht3x, stuck));
            node.Start();
            node.Node.Poll();
            Assert.IsTrue(node.Node.Telemetry.CycleOpen);

            node.Advance(TelemetryPublisher.MaxPendingMs - 1);
            Assert.IsTrue(node.Node.Telemetry.CycleOpen, "waited for the conversion until the limit");
            node.Advance(1 + stuck.PendingMs); // the next collection after the limit
            Assert.IsFalse(node.Node.Telemetry.CycleOpen);
            Assert.AreEqual(1, node.Link.CountOn(node.Base + "/sensor/bme280/temperature"), "the other sensor's reading went out");
            Assert.AreEqual(1, node.Link.CountContaining(node.Base + "/event", "no reading within 2000 ms: the chip never ended its conversion"));

            node.Advance(30000);
            Assert.AreEqual(1, node.Link.CountContaining(node.Base + "/event", "never ended its conversion"), "one sensor_error while it stays stuck");
        }

        [TestMethod]
        public static void The_next_cycle_is_due_an_interval_after_the_last_one_started()
        {
            NodeHarness node = new NodeHarness();
            node.Sensor.PendingReads = 1;
            node.Start();
            node.Node.Poll();
            Assert.IsTrue(node.Node.Telemetry.CycleOpen);
            node.Advance(node.Sensor.PendingMs);
            Assert.IsFalse(node.Node.Telemetry.CycleOpen);
            long seq = node.Node.Telemetry.Sequence;

            node.Advance(30000 - node.Sensor.PendingMs - 1);
            Assert.AreEqual(seq, node.Node.Telemetry.Sequence);
            node.Advance(1);
            Assert.AreEqual(seq + 1, node.Node.Telemetry.Sequence);
        }
    }
}
