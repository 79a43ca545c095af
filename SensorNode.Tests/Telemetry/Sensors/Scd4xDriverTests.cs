using nanoFramework.TestFramework;
using SensorNode.Core.Sensors;
using SensorNode.Core.Sensors.Sensirion;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Sensors
{
    [TestClass]
    public class Scd4xDriverTests
    {
        [TestMethod]
        public static void Nothing_before_the_first_5_second_measurement_then_co2_temperature_humidity()
        {
            FakeClock clock = new FakeClock();
            FakeScd4xChip chip = new FakeScd4xChip(clock);
            Scd4xFamily.Driver driver = new Scd4xFamily.Driver(new FakeI2cBus().Attach(0x62, chip), 0x62, clock);
            double[] values = new double[3];

            Assert.IsTrue(driver.Measure(values) == ReadOutcome.NotReady, "starts periodic measurement");
            Assert.IsTrue(chip.Periodic);
            clock.Now += 4000;
            Assert.IsTrue(Read(driver, values, clock) == ReadOutcome.NotReady);

            clock.Now = 5000;
            Assert.IsTrue(Read(driver, values, clock) == ReadOutcome.Measured);
            Assert.AreEqual(650.0, values[0]);
            Assert.IsTrue(values[1] > 22.49 && values[1] < 22.51, "temperature " + values[1]);
            Assert.IsTrue(values[2] > 44.99 && values[2] < 45.01, "humidity " + values[2]);

            Assert.IsTrue(Read(driver, values, clock) == ReadOutcome.NotReady, "read once per measurement");
            clock.Now = 10000;
            Assert.IsTrue(Read(driver, values, clock) == ReadOutcome.Measured);
        }

        [TestMethod]
        public static void Each_command_is_answered_on_a_later_read_its_execution_time_after_it_was_sent()
        {
            FakeClock clock = new FakeClock();
            FakeScd4xChip chip = new FakeScd4xChip(clock);
            FakeI2cBus bus = new FakeI2cBus().Attach(0x62, chip);
            Scd4xFamily.Driver driver = new Scd4xFamily.Driver(bus, 0x62, clock);
            double[] values = new double[3];
            driver.Measure(values);
            clock.Now = 5000;

            Assert.IsTrue(driver.Measure(values) == ReadOutcome.Pending, "get_data_ready_status sent");
            Assert.AreEqual(1, driver.MsUntilReady);
            int transfers = bus.Transfers;
            Assert.IsTrue(driver.Measure(values) == ReadOutcome.Pending, "not within the same millisecond");
            Assert.AreEqual(transfers, bus.Transfers, "no transfer before the execution time");
            clock.Now += 1;
            Assert.IsTrue(driver.Measure(values) == ReadOutcome.Pending, "ready: read_measurement sent");
            clock.Now += 1;
            Assert.IsTrue(driver.Measure(values) == ReadOutcome.Measured);
            Assert.AreEqual(650.0, values[0]);
        }

        [TestMethod]
        public static void A_wrong_crc_or_a_nack_is_a_failure_and_the_chip_is_started_again_after_it()
        {
            FakeClock clock = new FakeClock();
            FakeScd4xChip chip = new FakeScd4xChip(clock);
            Scd4xFamily.Driver driver = new Scd4xFamily.Driver(new FakeI2cBus().Attach(0x62, chip), 0x62, clock);
            double[] values = new double[3];
            driver.Measure(values);
            clock.Now += 5000;

            chip.CorruptCrc = true;
            Assert.IsTrue(Read(driver, values, clock) == ReadOutcome.Failed);
            Assert.AreEqual("CRC mismatch in the chip's answer", driver.Error);

            chip.CorruptCrc = false;
            chip.Nack = true;
            Assert.IsTrue(driver.Measure(values) == ReadOutcome.NotReady, "tries to start it again");
            Assert.IsTrue(Read(driver, values, clock) == ReadOutcome.Failed);
            Assert.AreEqual("address not acknowledged", driver.Error);

            chip.Nack = false;
            chip.LosePower();
            Assert.IsTrue(driver.Measure(values) == ReadOutcome.NotReady);
            Assert.IsTrue(chip.Periodic, "started again after the chip lost power");
            clock.Now += 5000;
            Assert.IsTrue(Read(driver, values, clock) == ReadOutcome.Measured);
        }

        [TestMethod]
        public static void A_chip_with_nothing_new_for_three_periods_has_hung()
        {
            FakeClock clock = new FakeClock();
            FakeScd4xChip chip = new FakeScd4xChip(clock);
            Scd4xFamily.Driver driver = new Scd4xFamily.Driver(new FakeI2cBus().Attach(0x62, chip), 0x62, clock);
            double[] values = new double[3];
            driver.Measure(values);
            clock.Now += 5000;
            Read(driver, values, clock);
            long measuredAt = clock.Now;

            chip.Stuck = true;
            clock.Now = measuredAt + Scd4xFamily.StaleAfterMs - 1; // the status is read 1 ms after it is asked
            Assert.IsTrue(Read(driver, values, clock) == ReadOutcome.NotReady, "not yet");
            clock.Now = measuredAt + Scd4xFamily.StaleAfterMs;
            Assert.IsTrue(Read(driver, values, clock) == ReadOutcome.Failed);
            Assert.AreEqual("no new measurement for 15 s; conversions stuck", driver.Error);

            chip.Stuck = false;
            clock.Now += 5000;
            Assert.IsTrue(Read(driver, values, clock) == ReadOutcome.Measured);
        }

        /// <summary>One whole read as telemetry does it: each step when the driver said it could go on.</summary>
        internal static ReadOutcome Read(ISensorDriver driver, double[] values, FakeClock clock)
        {
            ReadOutcome outcome = driver.Measure(values);
            while (outcome == ReadOutcome.Pending)
            {
                clock.Now += driver.MsUntilReady;
                outcome = driver.Measure(values);
            }

            return outcome;
        }
    }
}
